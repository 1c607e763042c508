import type { EntityManager } from '@mikro-orm/core';
import { forkForTenant, type Caller, type TokenSigner } from '@platform/kit';
import { CCO_ROLES } from '@platform/testkit';
import { Agency, CollectionCase, Collector, Queue, Team } from '@platform/collections';
import { useTestPlatform } from '../support/platform';
import { collectorToken } from '../support/activity-events';
import { call, ccoAdminToken, CCO_TIME } from '../support/contract';

const platform = useTestPlatform();
let admin: string;
let collector: { id: string; token: string };
let leader: string;
let tenantId: number;
let names: { agency: string; team: string; collector: string };

const error = (code: number) => ({ code, message: expect.any(String), data: null });
const naming = (field: string) => ({ ...error(400), message: expect.stringContaining(field) });

function collections(): { em: (tenant: number | null) => EntityManager; signer: TokenSigner } {
  const runtime = platform.platform.subgraphs.find((s) => s.name === 'collections') as unknown as { orm: { em: EntityManager }; signer: TokenSigner };
  return { em: (tenant) => forkForTenant(runtime.orm.em, tenant), signer: runtime.signer };
}

const row = (code: string, extra: Record<string, unknown> = {}) => ({
  case_code: code,
  user_id: `USER_${code}`,
  user_name: '陈大明',
  mobile: '+63-917-111-1111',
  id_number: 'ID123456',
  address: '马尼拉市中心区',
  overdue_days: 15,
  loan_amount: 5000.0,
  repaid_amount: 1000.0,
  outstanding_amount: 4000.0,
  due_date: '2025-11-05T00:00:00',
  case_status: 'pending_repayment',
  ...extra,
});

beforeAll(async () => {
  admin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  collector = await collectorToken(platform, admin, 'case_collector_1');
  const created = await platform.platform.router.executor.execute({
    query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id tenantId } }',
    variables: { i: { username: 'case_leader_1', password: 'secret123', roleCode: 'TeamLeader' } },
    headers: { authorization: `Bearer ${admin}` },
  });
  const user = (created.data as { createUser: { id: string; tenantId: string } }).createUser;
  tenantId = Number(user.tenantId);

  // The organisation the cases sit in, written straight into collections (its own routes are another part's).
  const em = collections().em(null);
  const agency = em.create(Agency, { tenantId, agencyCode: 'AG1', agencyName: '催收机构1', agencyNameEn: 'Agency 1' });
  em.create(Queue, { tenantId, queueCode: 'M1', queueName: 'M1队列', overdueDaysStart: 1, overdueDaysEnd: 30, sortOrder: 1 });
  em.create(Queue, { tenantId, queueCode: 'M2', queueName: 'M2队列', overdueDaysStart: 31, overdueDaysEnd: null, sortOrder: 2 });
  await em.flush();
  const team = em.create(Team, { tenantId, agencyId: agency.id, teamCode: 'T1', teamName: 'M1催收小组', maxCaseCount: 100 });
  await em.flush();
  const profile = (userId: string, code: string, name: string, position: Collector['position']) =>
    em.create(Collector, { tenantId, userId, agencyId: agency.id, teamId: team.id, collectorCode: code, collectorName: name, position, maxCaseCount: 150 });
  profile(collector.id, 'COL_001', '王小明', 'collector');
  profile(user.id, 'TL_001', '组长', 'team_leader');
  await em.flush();
  const caller: Caller = CCO_ROLES.TeamLeader({ tenantId: user.tenantId, userId: user.id, username: 'case_leader_1' });
  leader = collections().signer.signAccess(caller, 3600);
  names = { agency: '催收机构1', team: 'M1催收小组', collector: '王小明' };
});

const state = async (code: string) => {
  const c = await collections().em(null).findOne(CollectionCase, { caseCode: code });
  return c && { status: c.caseStatus, repaid: c.repaidAmount.toFixed(2), outstanding: c.outstandingAmount.toFixed(2) };
};
const count = () => collections().em(null).count(CollectionCase, {});
let caseId: number;
let otherId: number;

describe('POST /api/v1/cases/import', () => {
  it('imports the valid rows and answers per-row results: 导入成功 {total, success, failed, errors}', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/cases/import', {
      token: admin,
      body: { cases: [row('CASE_001'), row('CASE_002', { overdue_days: 45, outstanding_amount: 8000.5 }), row('CASE_099', { mobile: '12345' }), { user_id: 'U' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '导入成功',
      data: { total: 4, success: 2, failed: 2, errors: [{ case_code: 'CASE_099', error: 'mobile格式错误' }, { row: 4, error: 'case_code为必填项' }] },
    });
    const em = collections().em(null);
    const first = await em.findOneOrFail(CollectionCase, { caseCode: 'CASE_001' });
    const member = await em.findOneOrFail(Collector, { collectorCode: 'COL_001' });
    Object.assign(first, { agencyId: member.agencyId, teamId: member.teamId, collectorId: member.id, assignedAt: new Date('2025-11-18T01:00:00Z') });
    await em.flush();
    caseId = first.id;
    otherId = (await em.findOneOrFail(CollectionCase, { caseCode: 'CASE_002' })).id;
  });

  it('400 naming the field, 403 for a collector or another tenant, 401 anonymous; nothing is written', async () => {
    const before = await count();
    expect(await call(platform.app, 'POST', '/api/v1/cases/import', { token: admin, body: {} })).toMatchObject({ status: 400, body: naming('cases') });
    expect(await call(platform.app, 'POST', '/api/v1/cases/import', { token: admin, body: { cases: [] } })).toMatchObject({ status: 400, body: naming('cases') });
    expect(await call(platform.app, 'POST', '/api/v1/cases/import', { token: admin, body: { tenant_id: 'x', cases: [row('CASE_X')] } })).toMatchObject({ status: 400, body: naming('tenant_id') });
    expect(await call(platform.app, 'POST', '/api/v1/cases/import', { token: admin, body: { tenant_id: tenantId + 1000, cases: [row('CASE_X')] } })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'POST', '/api/v1/cases/import', { token: collector.token, body: { cases: [row('CASE_X')] } })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'POST', '/api/v1/cases/import', { token: leader, body: { cases: [row('CASE_X')] } })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'POST', '/api/v1/cases/import', { body: { cases: [row('CASE_X')] } })).toMatchObject({ status: 401, body: error(401) });
    expect(await count()).toBe(before);
  });
});

describe('GET /api/v1/cases', () => {
  const item = () => ({
    id: caseId,
    case_code: 'CASE_001',
    user_name: '陈大明',
    mobile: '+63-917-111-1111',
    overdue_days: 15,
    loan_amount: 5000,
    outstanding_amount: 4000,
    case_status: 'pending_repayment',
    queue_name: 'M1队列',
    agency_name: names.agency,
    team_name: names.team,
    collector_name: names.collector,
    last_contact_at: null,
    assigned_at: expect.stringMatching(CCO_TIME),
  });

  it('answers the CCO page, newest first, every documented field', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/cases', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        total: 2,
        page: 1,
        size: 10,
        items: [
          { ...item(), id: otherId, case_code: 'CASE_002', overdue_days: 45, outstanding_amount: 8000.5, queue_name: 'M2队列', agency_name: null, team_name: null, collector_name: null, assigned_at: null },
          item(),
        ],
      },
    });
  });

  it('filters by collector, status, overdue days and a keyword prefix; pages', async () => {
    const codes = async (qs: string) => (await call(platform.app, 'GET', `/api/v1/cases?${qs}`, { token: admin })).body.data.items.map((i: { case_code: string }) => i.case_code);
    const member = await collections().em(null).findOneOrFail(Collector, { collectorCode: 'COL_001' });
    expect(await codes(`collector_id=${member.id}`)).toEqual(['CASE_001']);
    expect(await codes(`team_id=${member.teamId}&agency_id=${member.agencyId}`)).toEqual(['CASE_001']);
    expect(await codes('overdue_days_min=30&overdue_days_max=60')).toEqual(['CASE_002']);
    expect(await codes('case_status=settled')).toEqual([]);
    expect(await codes('search=CASE_00')).toEqual(['CASE_002', 'CASE_001']);
    expect(await codes('search=%2B63-917')).toEqual(['CASE_002', 'CASE_001']);
    expect(await codes('search=ASE')).toEqual([]);
    expect((await call(platform.app, 'GET', '/api/v1/cases?page=2&size=1', { token: admin })).body.data).toMatchObject({ total: 2, page: 2, size: 1, items: [{ case_code: 'CASE_001' }] });
  });

  it('a team leader sees their team’s cases with personal data masked', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/cases', { token: leader });
    expect(res.body.data).toEqual({ total: 1, page: 1, size: 10, items: [{ ...item(), mobile: '+63-917-***-**11' }] });
  });

  it('400 naming the parameter, 403 for a collector, 401 anonymous', async () => {
    expect(await call(platform.app, 'GET', '/api/v1/cases?size=101', { token: admin })).toMatchObject({ status: 400, body: naming('size') });
    expect(await call(platform.app, 'GET', '/api/v1/cases?case_status=lost', { token: admin })).toMatchObject({ status: 400, body: naming('case_status') });
    expect(await call(platform.app, 'GET', '/api/v1/cases?queue_id=abc', { token: admin })).toMatchObject({ status: 400, body: naming('queue_id') });
    expect(await call(platform.app, 'GET', '/api/v1/cases', { token: collector.token })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'GET', '/api/v1/cases')).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('POST /api/v1/cases/search', () => {
  it('filters by ranges and statuses, sorts by a whitelisted field', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/cases/search', {
      token: admin,
      body: { filters: { overdue_days: { min: 10, max: 60 }, outstanding_amount: { min: 4000 }, case_status: ['pending_repayment', 'partial_repayment'] }, sort: { field: 'overdue_days', order: 'asc' }, page: 1, size: 20 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 200, message: 'success', data: { total: 2, page: 1, size: 20, items: [{ case_code: 'CASE_001', queue_name: 'M1队列', collector_name: '王小明' }, { case_code: 'CASE_002' }] } });
    const narrow = await call(platform.app, 'POST', '/api/v1/cases/search', { token: admin, body: { filters: { outstanding_amount: { min: 4000.01 }, loan_amount: { max: 5000 } } } });
    expect(narrow.body.data.items.map((i: { case_code: string }) => i.case_code)).toEqual(['CASE_002']);
  });

  it('400 naming the field, 403 for a collector, 401 anonymous', async () => {
    expect(await call(platform.app, 'POST', '/api/v1/cases/search', { token: admin, body: { sort: { field: 'user_name' } } })).toMatchObject({ status: 400, body: naming('sort.field') });
    expect(await call(platform.app, 'POST', '/api/v1/cases/search', { token: admin, body: { filters: { case_status: ['lost'] } } })).toMatchObject({ status: 400, body: naming('case_status') });
    expect(await call(platform.app, 'POST', '/api/v1/cases/search', { token: admin, body: { filters: { outstanding_amount: { min: 1.005 } } } })).toMatchObject({ status: 400, body: naming('outstanding_amount') });
    expect(await call(platform.app, 'POST', '/api/v1/cases/search', { token: collector.token, body: {} })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'POST', '/api/v1/cases/search', { body: {} })).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('GET /api/v1/cases/{case_id}', () => {
  it('answers user_info, loan_info, assignment_info, communication_history and ptp_records', async () => {
    const conn = collections().em(null).getConnection();
    const member = await collections().em(null).findOneOrFail(Collector, { collectorCode: 'COL_001' });
    await conn.execute(
      `insert into communication (tenant_id, case_id, collector_id, contact_method, contact_result, communication_content, tags, contact_time, created_at, updated_at)
       values (${tenantId}, ${caseId}, ${member.id}, 'phone', '接通', '客户表示下周一还款', '[]', '2025-11-20 02:00:00', '2025-11-20 02:00:00', '2025-11-20 02:00:00')`,
    );
    await conn.execute(
      `insert into ptp (tenant_id, case_id, collector_id, promise_date, promise_amount, kept_amount, promise_status, created_at, updated_at)
       values (${tenantId}, ${caseId}, ${member.id}, '2025-11-25', 200000, 0, 'pending', '2025-11-20 02:05:00', '2025-11-20 02:05:00')`,
    );
    const res = await call(platform.app, 'GET', `/api/v1/cases/${caseId}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        id: caseId,
        case_code: 'CASE_001',
        user_info: { user_id: 'USER_CASE_001', user_name: '陈大明', mobile: '+63-917-111-1111', id_number: 'ID123456', address: '马尼拉市中心区' },
        loan_info: { loan_amount: 5000, repaid_amount: 1000, outstanding_amount: 4000, overdue_days: 15, due_date: '2025-11-05' },
        assignment_info: { queue_name: 'M1队列', agency_name: '催收机构1', team_name: 'M1催收小组', collector_name: '王小明', assigned_at: expect.stringMatching(CCO_TIME) },
        communication_history: [{ id: expect.any(Number), contact_method: 'phone', contact_result: '接通', communication_content: '客户表示下周一还款', collector_name: '王小明', created_at: expect.stringMatching(CCO_TIME) }],
        ptp_records: [{ id: expect.any(Number), promise_amount: 2000, promise_date: '2025-11-25', promise_status: 'pending', created_at: expect.stringMatching(CCO_TIME) }],
      },
    });
  });

  it('masks personal data for a team leader', async () => {
    const res = await call(platform.app, 'GET', `/api/v1/cases/${caseId}`, { token: leader });
    expect(res.body.data.user_info).toEqual({ user_id: 'USER_CASE_001', user_name: '陈大明', mobile: '+63-917-***-**11', id_number: 'ID***456', address: '马尼拉市***' });
  });

  it('404 for an unknown case or one outside the scope, 400 for a bad id, 403 collector, 401 anonymous', async () => {
    expect(await call(platform.app, 'GET', '/api/v1/cases/999999', { token: admin })).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'GET', `/api/v1/cases/${otherId}`, { token: leader })).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'GET', '/api/v1/cases/abc', { token: admin })).toMatchObject({ status: 400, body: naming('case_id') });
    expect(await call(platform.app, 'GET', `/api/v1/cases/${caseId}`, { token: collector.token })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'GET', `/api/v1/cases/${caseId}`)).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('PUT /api/v1/cases/{case_id}/status', () => {
  const put = (id: number | string, body: unknown, token: string | null = admin) => call(platform.app, 'PUT', `/api/v1/cases/${id}/status`, { token: token ?? undefined, body });

  it('records a partial repayment exactly: 更新成功 with the old and new state', async () => {
    const res = await put(caseId, { case_status: 'partial_repayment', repaid_amount: 3000.1, notes: '客户已还款3000' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '更新成功',
      data: { case_id: caseId, case_code: 'CASE_001', old_status: 'pending_repayment', new_status: 'partial_repayment', repaid_amount: 3000.1, outstanding_amount: 1999.9 },
    });
    expect(await state('CASE_001')).toEqual({ status: 'partial_repayment', repaid: '3000.10', outstanding: '1999.90' });
  });

  it('400 naming the field for a bad status, transition or amount; 404, 403, 401; the case is unchanged', async () => {
    expect(await put(caseId, { case_status: 'lost' })).toMatchObject({ status: 400, body: naming('case_status') });
    expect(await put(caseId, {})).toMatchObject({ status: 400, body: naming('case_status') });
    expect(await put(caseId, { case_status: 'partial_repayment', repaid_amount: 2000 })).toMatchObject({ status: 400, body: naming('repaid_amount') });
    expect(await put(caseId, { case_status: 'partial_repayment', repaid_amount: 3000.123 })).toMatchObject({ status: 400, body: naming('repaid_amount') });
    expect(await put(otherId, { case_status: 'settled' })).toMatchObject({ status: 200 });
    expect(await put(otherId, { case_status: 'pending_repayment' })).toMatchObject({ status: 400, body: naming('case_status') });
    expect(await put(999999, { case_status: 'closed' })).toMatchObject({ status: 404, body: error(404) });
    expect(await put('abc', { case_status: 'closed' })).toMatchObject({ status: 400, body: naming('case_id') });
    expect(await put(caseId, { case_status: 'closed' }, leader)).toMatchObject({ status: 403, body: error(403) });
    expect(await put(caseId, { case_status: 'closed' }, collector.token)).toMatchObject({ status: 403, body: error(403) });
    expect(await put(caseId, { case_status: 'closed' }, null)).toMatchObject({ status: 401, body: error(401) });
    expect(await state('CASE_001')).toEqual({ status: 'partial_repayment', repaid: '3000.10', outstanding: '1999.90' });
  });
});
