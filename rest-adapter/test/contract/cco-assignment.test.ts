import { Decimal, forkForTenant, localDateTime, type SubgraphRuntime } from '@platform/kit';
import { Agency, CaseAssignment, CollectionCase, Collector, Queue, Team } from '@platform/collections';
import type { EntityManager } from '@mikro-orm/core';
import { useTestPlatform } from '../support/platform';
import { collectorToken as identityCollector, eventually } from '../support/activity-events';
import { call, ccoAdminToken, CCO_TIME } from '../support/contract';

const platform = useTestPlatform();
const error = (code: number) => ({ code, message: expect.any(String), data: null });

let admin: string;
let collectorToken: string;
let tenantId: number;
let em: () => EntityManager;
let team: Team;
let queue: Queue;
let wang: Collector;
let li: Collector;
let zhang: Collector;

/** The tenant a token belongs to (the JWT's `tid` claim). */
const tenantOf = (token: string): number => Number(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).tid);

let seq = 0;
async function makeCase(over: Partial<CollectionCase> = {}): Promise<CollectionCase> {
  const row = em().create(CollectionCase, {
    tenantId,
    caseCode: `CASE_${String(++seq).padStart(3, '0')}`,
    customerId: `U${seq}`,
    userName: '李小红',
    mobile: '+639170000011',
    loanAmount: new Decimal(5000),
    dueDate: '2025-10-01',
    outstandingAmount: new Decimal(5000),
    overdueDays: 15,
    queueId: queue.id,
    ...over,
  });
  await em().persist(row).flush();
  return row;
}
const caseRow = (id: number) => em().findOneOrFail(CollectionCase, { id }, { refresh: true });
const countOf = async (c: Collector) => (await em().findOneOrFail(Collector, { id: c.id }, { refresh: true })).currentCaseCount;

beforeAll(async () => {
  admin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  tenantId = tenantOf(admin);
  const collections = platform.platform.subgraphs.find((s) => s.name === 'collections') as SubgraphRuntime & { orm: { em: EntityManager } };
  // 王小明 signs in to the collector app: an identity account, which activity learns of and sends notices to
  const account = await identityCollector(platform, admin, 'collector001');
  collectorToken = account.token;
  em = () => forkForTenant(collections.orm.em, null);
  const e = em();
  const agency = e.create(Agency, { tenantId, agencyCode: 'AG1', agencyName: '一号机构' });
  queue = e.create(Queue, { tenantId, queueCode: 'M1', queueName: 'M1队列', overdueDaysStart: 1, overdueDaysEnd: 30 });
  await e.flush();
  team = e.create(Team, { tenantId, agencyId: agency.id, teamCode: 'T1', teamName: '一组', queueId: queue.id });
  await e.flush();
  const collector = (code: string, name: string, userId: string) =>
    e.create(Collector, { tenantId, userId, agencyId: agency.id, teamId: team.id, collectorCode: code, collectorName: name, maxCaseCount: 100 });
  wang = collector('COL_001', '王小明', account.id);
  li = collector('COL_002', '李小红', '9002');
  zhang = collector('COL_003', '张小刚', '9003');
  await e.flush();
});

describe('POST /api/v1/cases/{case_id}/assign', () => {
  it('assigns the case: 分配成功 {case_id, case_code, collector_id, collector_name, assigned_at}', async () => {
    const kase = await makeCase();
    const res = await call(platform.app, 'POST', `/api/v1/cases/${kase.id}/assign`, { token: admin, body: { collector_id: wang.id, reason: '手动分配' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '分配成功',
      data: { case_id: kase.id, case_code: kase.caseCode, collector_id: wang.id, collector_name: '王小明', assigned_at: expect.stringMatching(CCO_TIME) },
    });
    const row = await caseRow(kase.id);
    expect(row.collectorId).toBe(wang.id);
    // the tenant DEMO shows local times in Asia/Manila
    expect(res.body.data.assigned_at).toBe(localDateTime(row.assignedAt!, 'Asia/Manila'));
    expect(await countOf(wang)).toBe(1);

    // the collector is told, in the collector app, through activity's case.assigned template
    const unread = () => call(platform.app, 'GET', '/api/v1/im/notifications/unread', { token: collectorToken });
    await eventually(async () => (await unread()).body.data?.total_unread === 1);
    expect((await unread()).body.data.items).toEqual([
      expect.objectContaining({ notification_type: 'case_assignment', title: '新案件分配', content: `案件 ${kase.caseCode}（李*红，逾期15天）已分配给您`, action_url: `/cases/${kase.id}` }),
    ]);
  });

  it('401 without a token, 403 for a collector, 404 for an unknown case or collector, 403 for another tenant’s case', async () => {
    const kase = await makeCase();
    const body = { collector_id: wang.id };
    expect(await call(platform.app, 'POST', `/api/v1/cases/${kase.id}/assign`, { body })).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'POST', `/api/v1/cases/${kase.id}/assign`, { token: collectorToken, body })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'POST', '/api/v1/cases/999999/assign', { token: admin, body })).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'POST', `/api/v1/cases/${kase.id}/assign`, { token: admin, body: { collector_id: 999999 } })).toMatchObject({ status: 404, body: error(404) });
    const theirs = await makeCase({ tenantId: tenantId + 1000 });
    expect(await call(platform.app, 'POST', `/api/v1/cases/${theirs.id}/assign`, { token: admin, body })).toMatchObject({ status: 403, body: error(403) });
    expect((await caseRow(kase.id)).collectorId).toBeNull();
    expect((await caseRow(theirs.id)).collectorId).toBeNull();
  });

  it('400 naming the field: a missing or wrong collector_id, a bad case_id, a closed case, a full collector; nothing changes', async () => {
    const kase = await makeCase();
    const closed = await makeCase({ caseStatus: 'settled' });
    const bad = (url: string, body: unknown) => call(platform.app, 'POST', url, { token: admin, body });
    const named = (field: string) => ({ status: 400, body: { ...error(400), message: expect.stringContaining(field) } });
    expect(await bad(`/api/v1/cases/${kase.id}/assign`, {})).toMatchObject(named('collector_id'));
    expect(await bad(`/api/v1/cases/${kase.id}/assign`, { collector_id: 'abc' })).toMatchObject(named('collector_id'));
    expect(await bad('/api/v1/cases/abc/assign', { collector_id: wang.id })).toMatchObject(named('case_id'));
    expect(await bad(`/api/v1/cases/${closed.id}/assign`, { collector_id: wang.id })).toMatchObject(named('case_id'));
    await em().nativeUpdate(Collector, { id: zhang.id }, { maxCaseCount: 0 });
    expect(await bad(`/api/v1/cases/${kase.id}/assign`, { collector_id: zhang.id })).toMatchObject(named('collector_id'));
    await em().nativeUpdate(Collector, { id: zhang.id }, { maxCaseCount: 100 });
    expect((await caseRow(kase.id)).collectorId).toBeNull();
    expect((await caseRow(closed.id)).collectorId).toBeNull();
    expect(await countOf(zhang)).toBe(0);
    expect(await em().count(CaseAssignment, { caseId: { $in: [kase.id, closed.id] } })).toBe(0);
  });
});

describe('POST /api/v1/cases/{case_id}/transfer', () => {
  it('moves the case from its collector: 转移成功 with the assign answer; the history keeps both steps', async () => {
    const kase = await makeCase();
    await call(platform.app, 'POST', `/api/v1/cases/${kase.id}/assign`, { token: admin, body: { collector_id: wang.id } });
    const before = [await countOf(wang), await countOf(li)];
    const res = await call(platform.app, 'POST', `/api/v1/cases/${kase.id}/transfer`, {
      token: admin,
      body: { from_collector_id: wang.id, to_collector_id: li.id, reason: '催员离职' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '转移成功',
      data: { case_id: kase.id, case_code: kase.caseCode, collector_id: li.id, collector_name: '李小红', assigned_at: expect.stringMatching(CCO_TIME) },
    });
    expect([await countOf(wang), await countOf(li)]).toEqual([before[0] - 1, before[1] + 1]);
    const history = await em().find(CaseAssignment, { caseId: kase.id }, { orderBy: { id: 'asc' } });
    expect(history.map((h) => [h.kind, h.fromCollectorId ?? null, h.toCollectorId, h.reason ?? null])).toEqual([
      ['manual', null, wang.id, null],
      ['transfer', wang.id, li.id, '催员离职'],
    ]);
  });

  it('errors: not the holder 409, the same collector or a missing field 400 naming it, 401, 403, 404; nothing changes', async () => {
    const kase = await makeCase();
    await call(platform.app, 'POST', `/api/v1/cases/${kase.id}/assign`, { token: admin, body: { collector_id: wang.id } });
    const transfer = (body: unknown, token: string | null = admin, id: number | string = kase.id) =>
      call(platform.app, 'POST', `/api/v1/cases/${id}/transfer`, { token: token ?? undefined, body });
    expect(await transfer({ from_collector_id: li.id, to_collector_id: zhang.id })).toMatchObject({ status: 409, body: error(409) });
    expect(await transfer({ from_collector_id: wang.id, to_collector_id: wang.id })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('to_collector_id') } });
    expect(await transfer({ from_collector_id: wang.id })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('to_collector_id') } });
    expect(await transfer({ from_collector_id: wang.id, to_collector_id: li.id }, null)).toMatchObject({ status: 401, body: error(401) });
    expect(await transfer({ from_collector_id: wang.id, to_collector_id: li.id }, collectorToken)).toMatchObject({ status: 403, body: error(403) });
    expect(await transfer({ from_collector_id: wang.id, to_collector_id: li.id }, admin, 999999)).toMatchObject({ status: 404, body: error(404) });
    expect((await caseRow(kase.id)).collectorId).toBe(wang.id);
    expect(await em().count(CaseAssignment, { caseId: kase.id })).toBe(1);
  });
});

describe('POST /api/v1/cases/auto-assign', () => {
  it('balances the queue’s unassigned cases over the team: 自动分案完成 {total_cases, assigned, failed, assignments}', async () => {
    await em().nativeUpdate(CollectionCase, { tenantId, collectorId: null }, { caseStatus: 'closed' }); // earlier tests' leftovers
    const counts = [await countOf(wang), await countOf(li), await countOf(zhang)];
    await em().nativeUpdate(Collector, { id: zhang.id }, { maxCaseCount: counts[2] + 1 });
    for (let i = 0; i < 12; i++) await makeCase();
    const res = await call(platform.app, 'POST', '/api/v1/cases/auto-assign', { token: admin, body: { team_id: team.id, queue_id: queue.id, strategy: 'balanced' } });
    expect(res.status).toBe(200);
    expect(res.body.message).toBe('自动分案完成');
    const data = res.body.data as { total_cases: number; assigned: number; failed: number; assignments: Array<{ collector_id: number; collector_name: string; case_count: number }> };
    expect(data).toMatchObject({ total_cases: 12, assigned: 12, failed: 0 });
    expect(data.assignments.map((a) => [a.collector_id, a.collector_name])).toEqual([[wang.id, '王小明'], [li.id, '李小红'], [zhang.id, '张小刚']]);
    expect(data.assignments[2].case_count).toBe(1); // 张小刚 had room for one more
    const after = [await countOf(wang), await countOf(li), await countOf(zhang)];
    expect(after.map((n, i) => n - counts[i])).toEqual(data.assignments.map((a) => a.case_count));
    expect(Math.abs(after[0] - after[1])).toBeLessThanOrEqual(1);
  });

  it('errors: 401, 403 for a collector, 404 for an unknown team or queue, 400 naming strategy / team_id; nothing changes', async () => {
    const kase = await makeCase();
    const auto = (body: unknown, token: string | null = admin) => call(platform.app, 'POST', '/api/v1/cases/auto-assign', { token: token ?? undefined, body });
    const ok = { team_id: team.id, queue_id: queue.id, strategy: 'balanced' };
    expect(await auto(ok, null)).toMatchObject({ status: 401, body: error(401) });
    expect(await auto(ok, collectorToken)).toMatchObject({ status: 403, body: error(403) });
    expect(await auto({ ...ok, team_id: 999999 })).toMatchObject({ status: 404, body: error(404) });
    expect(await auto({ ...ok, queue_id: 999999 })).toMatchObject({ status: 404, body: error(404) });
    expect(await auto({ ...ok, strategy: 'random' })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('strategy') } });
    expect(await auto({ queue_id: queue.id, strategy: 'balanced' })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('team_id') } });
    expect((await caseRow(kase.id)).collectorId).toBeNull();
  });
});
