import { CALLBACK_HEADERS, PaymentLink, Repayment, signCallback, type CollectionsRuntime } from '@platform/collections';
import { holdSubscription, type HeldSubscription } from '@platform/testkit';
import { DateTime } from 'luxon';
import { useTestPlatform } from '../support/platform';
import { call } from '../support/contract';
import { caseOf, caseRow, imWorkWorld, ptpsOf, repaymentsOf, type ImWorkWorld } from '../support/im-work';

/**
 * A payment link end to end through the local payment gateway: the collector app asks for a link; the debtor opens
 * the gateway's page and pays; the gateway calls the platform back, signed; the payment is applied as a partner's
 * repayment (case, PTP) and reaches the collector live through the router's subscription.
 */
const platform = useTestPlatform(undefined, () => ({ ROUTER_PORT: '0', ADAPTER_PORT: '0' }));
let world: ImWorkWorld;
let routerUrl: string;
let zone: string;
const held: HeldSubscription[] = [];
const SECRET = 'development-only-payment-callback-secret';

const REPAYMENT = 'subscription { repaymentReceived { caseId caseCode repaymentId amount outstandingAmount status } }';

async function until(condition: () => boolean | Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  ({ routerUrl } = await platform.platform.listen());
  world = await imWorkWorld(platform, 'IMP');
  zone = (await call(platform.app, 'GET', '/api/v1/system/config', { token: world.admin })).body.data.time_zone;
});

afterAll(async () => {
  await Promise.all(held.map((s) => s.dispose()));
});

const collectionsServices = () => (platform.platform.subgraphs.find((s) => s.name === 'collections') as unknown as CollectionsRuntime).services;

const newLink = async (caseId: number, amount: number) => {
  const res = await call(platform.app, 'POST', `/api/v1/im/cases/${caseId}/payment-link`, { token: world.a.token, body: { payment_amount: amount, expire_hours: 2 } });
  expect(res.status).toBe(200);
  return res.body.data as { link_id: string; payment_link: string; qr_code_url: string };
};

/** The gateway's callback as a vendor would send it (the local gateway signs the same way). */
const callback = (base: string, body: object, opts: { secret?: string; at?: number } = {}) => {
  const raw = JSON.stringify(body);
  const timestamp = String(opts.at ?? Math.floor(Date.now() / 1000));
  return fetch(`${base}/payments/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CALLBACK_HEADERS.timestamp]: timestamp, [CALLBACK_HEADERS.signature]: signCallback(opts.secret ?? SECRET, timestamp, raw) },
    body: raw,
  });
};
const paid = (linkId: string, amount: string) => ({ event: 'payment.succeeded', link_id: linkId, amount, currency: 'PHP', paid_at: new Date().toISOString(), transaction_no: `TX-${linkId}` });

describe('a payment link through the local gateway', () => {
  it('is recorded, serves a payable page and its QR code; paying it applies the repayment once and tells the collector live', async () => {
    const c = await caseOf(world, world.a);
    const today = DateTime.now().setZone(zone).toFormat('yyyy-MM-dd');
    await call(platform.app, 'POST', `/api/v1/im/cases/${c.id}/ptp`, { token: world.a.token, body: { promise_date: today, promise_amount: 1500 } });
    const link = await newLink(c.id, 1500);
    const stored = await world.em().findOneOrFail(PaymentLink, { linkCode: link.link_id });
    expect({ caseId: stored.caseId, amount: stored.amount.toFixed(2), status: stored.status, provider: stored.provider, url: stored.paymentUrl }).toEqual({
      caseId: c.id,
      amount: '1500.00',
      status: 'active',
      provider: 'local',
      url: link.payment_link,
    });

    const page = await fetch(link.payment_link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('1500.00 PHP');
    const qr = await fetch(link.qr_code_url);
    expect(qr.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await qr.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');

    // The collector listens through the router before the debtor pays: proven live by a warm-up payment on another
    // case of theirs (instead of a guessed pause), as the subscription is only set up after the connection.
    const live = holdSubscription(`${routerUrl.replace(/^http/, 'ws')}/graphql`, world.a.token, REPAYMENT);
    held.push(live);
    await live.connected;
    const warm = await caseOf(world, world.a);
    const about = (code: string) => live.events.filter((e) => JSON.stringify(e.data).includes(code));
    for (let n = 0; !about(warm.caseCode).length; n++) {
      if (n === 20) throw new Error('the subscription never went live');
      expect((await fetch((await newLink(warm.id, 1)).payment_link, { method: 'POST' })).status).toBe(200);
      await until(() => about(warm.caseCode).length > 0, 500, 'warm-up').catch(() => undefined);
    }

    const pay = await fetch(link.payment_link, { method: 'POST' });
    expect(pay.status).toBe(200);
    expect(await pay.text()).toContain('支付成功');
    const after = await caseRow(world, c.id);
    expect({ outstanding: after.outstandingAmount.toFixed(2), repaid: after.repaidAmount.toFixed(2), status: after.caseStatus }).toEqual({
      outstanding: '2500.00',
      repaid: '2500.00',
      status: 'partial_repayment',
    });
    expect((await ptpsOf(world, c.id))[0].promiseStatus).toBe('kept');
    expect((await world.em().findOneOrFail(PaymentLink, { linkCode: link.link_id }, { refresh: true })).status).toBe('paid');
    await until(() => about(c.caseCode).length > 0, 10_000, 'repaymentReceived');
    expect(about(c.caseCode).map((e) => e.data)).toEqual([{
      repaymentReceived: { caseId: String(c.id), caseCode: c.caseCode, repaymentId: `PL-${link.link_id}`, amount: '1500.00', outstandingAmount: '2500.00', status: 'partial_repayment' },
    }]);

    // What the gateway sent: one signed callback for this link, accepted.
    const gateway = collectionsServices().payments.local!;
    expect(gateway.sent.filter((s) => s.body.link_id === link.link_id)).toEqual([
      { url: expect.stringMatching(/\/payments\/callback$/), body: expect.objectContaining({ event: 'payment.succeeded', amount: '1500.00', currency: 'PHP' }), status: 200 },
    ]);

    // Paying again: the gateway refuses (already paid); the same payment reported again applies nothing more.
    expect((await fetch(link.payment_link, { method: 'POST' })).status).toBe(409);
    const base = new URL(link.payment_link).origin;
    const again = await callback(base, paid(link.link_id, '1500.00'));
    expect({ status: again.status, body: await again.json() }).toEqual({ status: 200, body: { code: 200, message: 'already applied' } });
    expect((await repaymentsOf(world, c.id)).map((r) => [r.repaymentId, r.source, r.repaymentAmount.toFixed(2)])).toEqual([[`PL-${link.link_id}`, 'online', '1500.00']]);
    expect((await caseRow(world, c.id)).outstandingAmount.toFixed(2)).toBe('2500.00');
    const listed = await call(platform.app, 'GET', `/api/v1/im/cases/${c.id}/repayments`, { token: world.a.token });
    expect(listed.body.data).toMatchObject({ total_repayments: 1, total_repaid_amount: 1500, items: [{ repayment_channel: 'payment_link', transaction_no: `LOCAL-${link.link_id}`, status: 'success' }] });
  });

  it('a callback with a wrong signature, a stale timestamp, an unknown link or another amount changes nothing', async () => {
    const c = await caseOf(world, world.a);
    const link = await newLink(c.id, 100);
    const base = new URL(link.payment_link).origin;
    const statusOf = async (res: Promise<Response>) => (await res).status;
    expect(await statusOf(callback(base, paid(link.link_id, '100.00'), { secret: 'someone-elses-secret-000' }))).toBe(401);
    expect(await statusOf(callback(base, paid(link.link_id, '100.00'), { at: Math.floor(Date.now() / 1000) - 301 }))).toBe(401);
    expect(await statusOf(callback(base, paid('NO_SUCH_LINK_00', '100.00')))).toBe(404);
    expect(await statusOf(callback(base, paid(link.link_id, '99.00')))).toBe(400);
    expect(await statusOf(callback(base, { event: 'payment.succeeded', link_id: link.link_id }))).toBe(400);
    expect(await repaymentsOf(world, c.id)).toEqual([]);
    expect((await world.em().findOneOrFail(PaymentLink, { linkCode: link.link_id })).status).toBe('active');
  });

  it('a link past its expiry cannot be paid at the gateway; a tampered link is not served', async () => {
    const c = await caseOf(world, world.a);
    const link = await newLink(c.id, 100);
    // The gateway's link reference carries its expiry: one of an hour ago, as the gateway would have made it then.
    const gateway = collectionsServices().payments.gateway;
    const old = await gateway.createLink({ linkCode: link.link_id, amount: '100.00', currency: 'PHP', expiresAt: new Date(Date.now() - 3_600_000), description: 'old' });
    expect((await fetch(old.paymentUrl)).status).toBe(410);
    expect((await fetch(old.paymentUrl, { method: 'POST' })).status).toBe(410);
    const tampered = link.payment_link.replace(/\.[\w-]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect((await fetch(tampered)).status).toBe(404);
    expect(await world.em().count(Repayment, { caseId: c.id })).toBe(0);
  });
});
