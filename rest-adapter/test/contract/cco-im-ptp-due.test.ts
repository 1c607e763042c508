import { holdSubscription, type HeldSubscription } from '@platform/testkit';
import { DateTime } from 'luxon';
import { useTestPlatform } from '../support/platform';
import { call } from '../support/contract';
import { caseOf, imWorkWorld, type ImWorkWorld } from '../support/im-work';

/**
 * The PTP check's reminder end to end: a promise coming due is reminded once, as a notice in the collector app
 * (GET /api/v1/im/notifications/unread) and live (`ptpDue`) through the router, to its collector only.
 */
const platform = useTestPlatform(undefined, () => ({ ROUTER_PORT: '0', ADAPTER_PORT: '0', PTP_CHECK_POLL_MS: '0' }));
let world: ImWorkWorld;
let routerUrl: string;
let zone: string;
const held: HeldSubscription[] = [];
const PTP_DUE = 'subscription { ptpDue { notificationId ptpId caseId caseCode promisedAmount promisedDate dueInHours } }';

async function until(condition: () => boolean, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  ({ routerUrl } = await platform.platform.listen());
  world = await imWorkWorld(platform, 'IMD');
  zone = (await call(platform.app, 'GET', '/api/v1/system/config', { token: world.admin })).body.data.time_zone;
});
afterAll(() => Promise.all(held.map((s) => s.dispose())));

const runCheck = () =>
  (platform.platform.subgraphs.find((s) => s.name === 'collections') as unknown as { services: { ptpCheck: { runOnce(): Promise<{ reminded: number }> } } }).services.ptpCheck.runOnce();

it('a promise due today reaches its collector live and as an unread notice, once; another collector gets nothing', async () => {
  const today = DateTime.now().setZone(zone).toFormat('yyyy-MM-dd');
  const promise = async (caseId: number, amount = 800) =>
    (await call(platform.app, 'POST', `/api/v1/im/cases/${caseId}/ptp`, { token: world.a.token, body: { promise_date: today, promise_amount: amount } })).body.data.id as number;
  const ws = `${routerUrl.replace(/^http/, 'ws')}/graphql`;
  const mine = holdSubscription(ws, world.a.token, PTP_DUE);
  const theirs = holdSubscription(ws, world.b.token, PTP_DUE);
  held.push(mine, theirs);
  await Promise.all([mine.connected, theirs.connected]);

  // Proven live by warm-up promises (the subscription is set up after the connection), not a guessed pause.
  const about = (s: HeldSubscription, code: string) => s.events.filter((e) => JSON.stringify(e.data).includes(`"${code}"`));
  for (let n = 0; ; n++) {
    if (n === 20) throw new Error('the subscription never went live');
    const warm = await caseOf(world, world.a);
    await promise(warm.id, 1);
    await runCheck();
    const live = await until(() => about(mine, warm.caseCode).length > 0, 500, 'warm-up').then(() => true, () => false);
    if (live) break;
  }

  const c = await caseOf(world, world.a);
  const ptpId = await promise(c.id);
  expect((await runCheck()).reminded).toBe(1);
  expect((await runCheck()).reminded).toBe(0);
  await until(() => about(mine, c.caseCode).length > 0, 10_000, 'ptpDue');
  const [event] = about(mine, c.caseCode);
  expect(event.data).toEqual({
    ptpDue: { notificationId: expect.any(String), ptpId: String(ptpId), caseId: String(c.id), caseCode: c.caseCode, promisedAmount: '800.00', promisedDate: today, dueInHours: expect.any(Number) },
  });
  const hours = (event.data as { ptpDue: { dueInHours: number } }).ptpDue.dueInHours;
  expect(hours).toBeGreaterThanOrEqual(0);
  expect(hours).toBeLessThanOrEqual(24);
  expect(theirs.events).toEqual([]);

  const unread = await call(platform.app, 'GET', '/api/v1/im/notifications/unread', { token: world.a.token });
  const notice = unread.body.data.items.find((n: { content: string }) => n.content.includes(c.caseCode));
  expect(notice).toMatchObject({ notification_type: 'ptp_due', title: 'PTP到期提醒', is_forced_read: true, content: `案件 ${c.caseCode} 承诺还款 800.00 将于 ${today} 到期，请及时跟进` });
  await new Promise((r) => setTimeout(r, 200));
  expect(about(mine, c.caseCode)).toHaveLength(1);
});
