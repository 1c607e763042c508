import { randomBytes } from 'node:crypto';
import { isoLocal } from '@platform/kit';
import { startPlatform, type Platform } from '@platform/scripts';
import { dropDatabases, holdSubscription, PLATFORM_START_MS, uniqueDatabaseUrl, type HeldSubscription, type UntypedJson } from '@platform/testkit';
import { overdueCase, PartnerPusher, type PushAnswer, type RepaymentAnswer } from '@platform/simulator';
import { adminToken, agencyWithCollectors, assignCase, issuePartnerKey, rest } from './support/cco-setup';

/**
 * The live repayment end to end on MariaDB + Redis: the core-system simulator pushes a repayment through the REST
 * adapter; collections applies it; activity turns `repayment.received` into the collector's notice and live event,
 * which reach the collector's graphql-ws subscription through the router.
 */
const databaseUrl = uniqueDatabaseUrl('sim_live_repayment');
const SEED = 41;
const ZONE = 'Asia/Manila';

const REPAYMENT = 'subscription { repaymentReceived { notificationId caseId caseCode repaymentId amount currency repaidAt outstandingAmount status } }';
const notices = (after?: string) =>
  `subscription { notificationReceived${after ? `(after: "${after}")` : ''} { id title body category templateCode actionUrl priority recipient { id } } }`;

let platform: Platform;
let routerUrl: string;
let adapterUrl: string;
let admin: string;
let pusher: PartnerPusher;
const cases = { main: overdueCase(SEED, 1), warmA: overdueCase(SEED, 2), warmB: overdueCase(SEED, 3) };
const ids: Record<keyof typeof cases, number> = { main: 0, warmA: 0, warmB: 0 };
let wang: { token: string; id: string };
let li: { token: string; id: string };
const held: HeldSubscription[] = [];

async function gql(query: string, variables: Record<string, unknown>, token?: string): Promise<UntypedJson> {
  const res = await fetch(`${routerUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await res.json()) as UntypedJson;
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

async function signIn(login: string, password: string): Promise<{ token: string; id: string }> {
  const data = await gql('mutation($i: LoginInput!) { login(input: $i) { accessToken user { id } } }', { i: { login, password } });
  return { token: data.login.accessToken, id: data.login.user.id };
}

const wsUrl = () => `${routerUrl.replace(/^http/, 'ws')}/graphql`;
const subscribe = (token: string, query: string) => {
  const subscription = holdSubscription(wsUrl(), token, query);
  held.push(subscription);
  return subscription;
};

/** The events of a subscription about `caseCode` (live events name it; notices name it in their text). */
const about = (s: HeldSubscription, caseCode: string) =>
  s.events
    .map((e, i) => ({ data: e.data as UntypedJson, at: s.arrivedAt[i] }))
    .filter(({ data }) => JSON.stringify(data).includes(caseCode));

async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Pushes repayments on `caseCode` until each subscription has one about it: proof that they are live end to end
 * (router, activity, Redis), instead of a guessed pause. Activity learns a new account through identity's events, so
 * the first notices may wait for that.
 */
async function untilLive(caseCode: string, subscriptions: HeldSubscription[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (let n = 1; !subscriptions.every((s) => about(s, caseCode).length); n++) {
    if (Date.now() > deadline) throw new Error(`subscriptions on ${caseCode} never went live`);
    expect((await pusher.pushRepayment(pusher.repayment(caseCode, `WARM_${caseCode}_${n}`, '1.00'))).status).toBe(200);
    await until(() => subscriptions.every((s) => about(s, caseCode).length), 500, 'warm-up').catch(() => undefined);
  }
}

const today = () => isoLocal(new Date(), ZONE).slice(0, 10);
const money = (n: number) => Math.round(n * 100) / 100;

beforeAll(async () => {
  platform = await startPlatform({
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.REDIS_URL,
      EVENT_BUS_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
      RATE_LIMIT_PREFIX: `test:${randomBytes(4).toString('hex')}`,
      ROUTER_PORT: '0',
      ADAPTER_PORT: '0',
    },
  });
  ({ routerUrl, adapterUrl } = await platform.listen());
  const superadmin = await adminToken(adapterUrl, 'superadmin', '123456');
  admin = await adminToken(adapterUrl, 'tenantadmin', 'admin123');
  const key = await issuePartnerKey(adapterUrl, superadmin, 'DEMO');
  pusher = new PartnerPusher({ baseUrl: adapterUrl, key, timeZone: ZONE });

  const imported = await pusher.pushCases({ seed: SEED, count: 3 });
  expect(imported.answer.body).toMatchObject({ code: 200, data: { total: 3, success: 3, failed: 0 } });
  const [a, b] = await agencyWithCollectors(adapterUrl, admin, 'SIMLIVE', ['王小明', '李小红']);
  ids.main = await assignCase(adapterUrl, admin, cases.main.case_code, a.collectorId);
  ids.warmA = await assignCase(adapterUrl, admin, cases.warmA.case_code, a.collectorId);
  ids.warmB = await assignCase(adapterUrl, admin, cases.warmB.case_code, b.collectorId);
  wang = await signIn(a.loginId, a.password);
  li = await signIn(b.loginId, b.password);
}, PLATFORM_START_MS);

afterAll(async () => {
  await Promise.all(held.map((s) => s.dispose()));
  await platform?.close();
  await dropDatabases(databaseUrl);
});

describe('a repayment pushed by the core-system simulator reaches its collector live', () => {
  let ptpId: string;
  let firstPush: PushAnswer<RepaymentAnswer>;
  let wangLive: HeldSubscription;
  let wangNotices: HeldSubscription;
  let liLive: HeldSubscription;
  let analyticsBefore: UntypedJson;
  const outstanding = cases.main.outstanding_amount;

  it('the collector, subscribed through the router, gets repaymentReceived and the notice within 1 s of the push\'s answer; another collector gets nothing', async () => {
    const created = await gql(
      'mutation($i: CreatePtpInput!) { createPtp(input: $i) { id promiseStatus } }',
      { i: { caseId: String(ids.main), promiseDate: today(), promiseAmount: '1000.00', promiseMethod: 'bank_transfer', confidenceLevel: 'high' } },
      wang.token,
    );
    ptpId = created.createPtp.id;
    expect(created.createPtp.promiseStatus).toBe('pending');
    analyticsBefore = (await rest(adapterUrl, 'GET', '/api/v1/dashboard/analytics', { token: admin })).body.data;

    wangLive = subscribe(wang.token, REPAYMENT);
    wangNotices = subscribe(wang.token, notices());
    liLive = subscribe(li.token, REPAYMENT);
    const liNotices = subscribe(li.token, notices());
    await Promise.all(held.map((s) => s.connected));
    await untilLive(cases.warmA.case_code, [wangLive, wangNotices]);
    await untilLive(cases.warmB.case_code, [liLive, liNotices]);

    firstPush = await pusher.pushRepayment(pusher.repayment(cases.main.case_code, 'PAY_LIVE_1', 400));
    expect(firstPush.status).toBe(200);
    expect(firstPush.body?.data).toMatchObject({ repayment_id: 'PAY_LIVE_1', applied: true, case_status: 'partial_repayment', outstanding_amount: money(outstanding - 400) });

    await until(() => about(wangLive, cases.main.case_code).length > 0 && about(wangNotices, cases.main.case_code).length > 0, 5_000, 'the collector\'s events');
    const [live] = about(wangLive, cases.main.case_code);
    const [notice] = about(wangNotices, cases.main.case_code);
    expect(live.at - firstPush.answeredAt).toBeLessThan(1000);
    expect(notice.at - firstPush.answeredAt).toBeLessThan(1000);
    expect(live.data.repaymentReceived).toEqual({
      notificationId: notice.data.notificationReceived.id,
      caseId: String(ids.main),
      caseCode: cases.main.case_code,
      repaymentId: 'PAY_LIVE_1',
      amount: '400.00',
      currency: 'PHP',
      repaidAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
      outstandingAmount: money(outstanding - 400).toFixed(2),
      status: 'partial_repayment',
    });
    // The collector app's notice (还款通知): the debtor by name as the app shows its own cases, no contact details.
    expect(notice.data.notificationReceived).toEqual({
      id: expect.any(String),
      title: '还款通知',
      body: `客户${cases.main.user_name}已还款400.00PHP（案件 ${cases.main.case_code}）`,
      category: 'repayment',
      templateCode: 'repayment.received',
      actionUrl: `/cases/${ids.main}`,
      priority: 'high',
      recipient: { id: wang.id },
    });
    const personal = [cases.main.mobile, cases.main.id_number, cases.main.email, cases.main.address, cases.main.mobile.replace(/-/g, '')];
    for (const value of personal) expect(JSON.stringify([live.data, notice.data])).not.toContain(value);

    // The other collector, live on the same platform, hears nothing of a case not theirs.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(about(liLive, cases.main.case_code)).toEqual([]);
    expect(about(liNotices, cases.main.case_code)).toEqual([]);
    expect(about(wangLive, cases.main.case_code)).toHaveLength(1);
  });

  it('the case, its open promise and the dashboard figures reflect it', async () => {
    const detail = (await rest(adapterUrl, 'GET', `/api/v1/cases/${ids.main}`, { token: admin })).body.data;
    expect(detail.loan_info).toMatchObject({ repaid_amount: money(cases.main.repaid_amount + 400), outstanding_amount: money(outstanding - 400) });
    expect(detail.ptp_records).toEqual([expect.objectContaining({ id: Number(ptpId), promise_amount: 1000, promise_status: 'partially_kept' })]);
    const listed = (await rest(adapterUrl, 'GET', `/api/v1/cases?search=${cases.main.case_code}`, { token: admin })).body.data.items[0];
    expect(listed).toMatchObject({ case_status: 'partial_repayment', outstanding_amount: money(outstanding - 400), collector_name: '王小明' });

    const ptpDay = (await rest(adapterUrl, 'GET', `/api/v1/dashboard/ptp?date=${today()}`, { token: admin })).body.data;
    expect(ptpDay).toMatchObject({ total_ptp: 1, total_promise_amount: 1000, ptp_by_status: expect.objectContaining({ pending: 0, partially_kept: 1, kept: 0 }) });
    const analytics = (await rest(adapterUrl, 'GET', '/api/v1/dashboard/analytics', { token: admin })).body.data;
    // The warm-up pushes (1.00 each) count too: the figures move by everything repaid since.
    const warmUps = about(wangLive, cases.warmA.case_code).length + about(liLive, cases.warmB.case_code).length;
    expect(money(analytics.collected_amount - analyticsBefore.collected_amount)).toBeGreaterThanOrEqual(400 + warmUps);
    expect(money(analyticsBefore.outstanding_amount - analytics.outstanding_amount)).toBeGreaterThanOrEqual(400 + warmUps);
  });

  it('a collector offline when a repayment arrives gets its notice on reconnecting with a cursor, once, and the promise is kept', async () => {
    const [seen] = about(wangNotices, cases.main.case_code);
    await wangNotices.dispose();

    const second = await pusher.pushRepayment(pusher.repayment(cases.main.case_code, 'PAY_LIVE_2', 600), 'repayment-notify');
    expect(second.body?.data).toMatchObject({ repayment_id: 'PAY_LIVE_2', applied: true, outstanding_amount: money(outstanding - 1000) });
    const again = await pusher.pushRepayment(pusher.repayment(cases.main.case_code, 'PAY_LIVE_2', 600));
    expect(again.body?.data).toMatchObject({ applied: false, outstanding_amount: money(outstanding - 1000) });

    const back = subscribe(wang.token, notices(seen.data.notificationReceived.id));
    await until(() => about(back, cases.main.case_code).length > 0, 5_000, 'the missed notice');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const missed = about(back, cases.main.case_code);
    expect(missed.map((m) => m.data.notificationReceived.body)).toEqual([`客户${cases.main.user_name}已还款600.00PHP（案件 ${cases.main.case_code}）`]);

    const detail = (await rest(adapterUrl, 'GET', `/api/v1/cases/${ids.main}`, { token: admin })).body.data;
    expect(detail.loan_info).toMatchObject({ repaid_amount: money(cases.main.repaid_amount + 1000), outstanding_amount: money(outstanding - 1000) });
    expect(detail.ptp_records[0]).toMatchObject({ id: Number(ptpId), promise_status: 'kept' });
    const ptpDay = (await rest(adapterUrl, 'GET', `/api/v1/dashboard/ptp?date=${today()}`, { token: admin })).body.data;
    expect(ptpDay.ptp_by_status).toMatchObject({ kept: 1, partially_kept: 0 });
  });
});
