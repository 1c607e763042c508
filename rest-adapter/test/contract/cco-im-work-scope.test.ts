import { DateTime } from 'luxon';
import { useTestPlatform } from '../support/platform';
import { call } from '../support/contract';
import { caseOf, imWorkWorld, ptpsOf, repaymentsOf, type ImWorkWorld } from '../support/im-work';

/**
 * Data scope of the collector app's promises and repayments (通用说明 · 数据权限): a collector sees and acts on their own
 * cases only, a team leader on their team's, an administrator on the tenant's. A (王小明) and B (李小红) are in team 1
 * with its leader; C (张伟) is in team 2.
 */
const platform = useTestPlatform();
let world: ImWorkWorld;
const cases: Record<'a' | 'b' | 'c', number> = { a: 0, b: 0, c: 0 };
const ptps: Record<'a' | 'b' | 'c', number> = { a: 0, b: 0, c: 0 };
let zone: string;

const day = (offset: number) => DateTime.now().setZone(zone).plus({ days: offset }).toFormat('yyyy-MM-dd');
const tokenOf = (who: 'a' | 'b' | 'c' | 'leader' | 'admin') => (who === 'leader' ? world.leader : who === 'admin' ? world.admin : world[who].token);

beforeAll(async () => {
  world = await imWorkWorld(platform, 'IMS');
  zone = (await call(platform.app, 'GET', '/api/v1/system/config', { token: world.admin })).body.data.time_zone;
  for (const who of ['a', 'b', 'c'] as const) {
    cases[who] = (await caseOf(world, world[who])).id;
    const res = await call(platform.app, 'POST', `/api/v1/im/cases/${cases[who]}/ptp`, { token: world[who].token, body: { promise_date: day(1), promise_amount: 100 } });
    ptps[who] = res.body.data.id;
  }
});

const listed = async (token: string, path: string) => {
  const res = await call(platform.app, 'GET', path, { token });
  expect(res.status).toBe(200);
  return res.body.data.items.map((i: { id: number }) => i.id).sort((x: number, y: number) => x - y);
};

describe('PTP lists', () => {
  it.each([
    ['a', ['a']],
    ['b', ['b']],
    ['c', ['c']],
    ['leader', ['a', 'b']],
    ['admin', ['a', 'b', 'c']],
  ] as const)('%s sees the promises of %j in /ptp/my and /ptp/due-soon', async (who, whose) => {
    const expected = whose.map((w) => ptps[w]).sort((x, y) => x - y);
    expect(await listed(tokenOf(who), '/api/v1/im/ptp/my')).toEqual(expected);
    expect(await listed(tokenOf(who), '/api/v1/im/ptp/due-soon')).toEqual(expected);
  });
});

describe('acting on a promise', () => {
  const put = (who: 'a' | 'b' | 'c' | 'leader' | 'admin', id: number, status: string) =>
    call(platform.app, 'PUT', `/api/v1/im/ptp/${id}/status`, { token: tokenOf(who), body: { promise_status: status } });

  it('A cannot change B’s promise (403, unchanged); the leader cannot change team 2’s (403)', async () => {
    expect((await put('a', ptps.b, 'broken')).status).toBe(403);
    expect((await put('leader', ptps.c, 'broken')).status).toBe(403);
    expect((await ptpsOf(world, cases.b))[0].promiseStatus).toBe('pending');
    expect((await ptpsOf(world, cases.c))[0].promiseStatus).toBe('pending');
  });

  it('A cannot promise on B’s case (403); the leader may, and the promise counts for B, not A', async () => {
    const body = { promise_date: day(2), promise_amount: 50 };
    expect((await call(platform.app, 'POST', `/api/v1/im/cases/${cases.b}/ptp`, { token: world.a.token, body })).status).toBe(403);
    const made = await call(platform.app, 'POST', `/api/v1/im/cases/${cases.b}/ptp`, { token: world.leader, body });
    expect(made.status).toBe(200);
    expect(await listed(world.b.token, '/api/v1/im/ptp/my')).toContain(made.body.data.id);
    expect(await listed(world.a.token, '/api/v1/im/ptp/my')).not.toContain(made.body.data.id);
  });
});

describe('repayments, payment links and offline repayments', () => {
  it('A reads no repayments of B’s case (403), the leader those of team 1 only, the admin every case’s', async () => {
    const status = async (who: 'a' | 'leader' | 'admin', caseId: number) => (await call(platform.app, 'GET', `/api/v1/im/cases/${caseId}/repayments`, { token: tokenOf(who) })).status;
    expect(await status('a', cases.a)).toBe(200);
    expect(await status('a', cases.b)).toBe(403);
    expect(await status('leader', cases.b)).toBe(200);
    expect(await status('leader', cases.c)).toBe(403);
    expect(await status('admin', cases.c)).toBe(200);
  });

  it('A can make no payment link and report no offline repayment on B’s case (403, nothing recorded); the leader can', async () => {
    const link = (token: string, caseId: number) => call(platform.app, 'POST', `/api/v1/im/cases/${caseId}/payment-link`, { token, body: { payment_amount: 10 } });
    const offline = (token: string, caseId: number) => call(platform.app, 'POST', `/api/v1/im/cases/${caseId}/offline-repayment`, { token, body: { repayment_amount: 10 } });
    expect((await link(world.a.token, cases.b)).status).toBe(403);
    expect((await offline(world.a.token, cases.b)).status).toBe(403);
    expect(await repaymentsOf(world, cases.b)).toEqual([]);
    expect((await link(world.leader, cases.b)).status).toBe(200);
    expect((await offline(world.leader, cases.b)).status).toBe(200);
    expect((await link(world.leader, cases.c)).status).toBe(403);
    expect((await offline(world.leader, cases.c)).status).toBe(403);
    expect(await repaymentsOf(world, cases.c)).toEqual([]);
  });
});
