import { BASE_ROLES } from '@platform/testkit';
import type { TokenSigner } from '@platform/kit';
import { useTestPlatform } from '../support/platform';
import { call, ccoAdminToken, CCO_TIME } from '../support/contract';

/** CCO admin § 3–6 and § 13.3 through the whole platform: adapter → router → collections (+ identity for accounts). */
const platform = useTestPlatform();
let superadmin: string;
let tenantadmin: string;
let collectorToken: string;

const error = (code: number) => ({ code, message: expect.any(String), data: null });

const AGENCY = {
  agency_code: 'AGENCY_001',
  agency_name: '催收机构1',
  agency_name_en: 'Collection Agency 1',
  contact_person: '张三',
  contact_phone: '+63-917-123-4567',
  contact_email: 'agency1@example.com',
  address: '马尼拉市中心大楼',
  timezone: 8,
  agency_type: 'real',
  is_active: true,
};

let agencyId: number;
let agencyCreatedAt: string;
let tenantId: number;
let groupId: number;
let teamId: number;
let collectorId: number;
let spvId: number;

beforeAll(async () => {
  superadmin = await ccoAdminToken(platform.app, 'superadmin', '123456');
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
});

describe('/api/v1/agencies', () => {
  it('POST creates the agency and answers it field by field', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/agencies', { token: tenantadmin, body: AGENCY });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '创建成功',
      data: { id: expect.any(Number), tenant_id: expect.any(Number), ...AGENCY, created_at: expect.stringMatching(CCO_TIME) },
    });
    agencyId = res.body.data.id;
    agencyCreatedAt = res.body.data.created_at;
    tenantId = res.body.data.tenant_id;
  });

  it('POST: a taken code is 409, a bad type 400 naming it, another tenant 403, anonymous 401; nothing is created', async () => {
    expect(await call(platform.app, 'POST', '/api/v1/agencies', { token: tenantadmin, body: AGENCY })).toMatchObject({ status: 409, body: error(409) });
    const bad = await call(platform.app, 'POST', '/api/v1/agencies', { token: tenantadmin, body: { ...AGENCY, agency_code: 'AGENCY_002', timezone: 'eight' } });
    expect(bad).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('timezone') } });
    expect(await call(platform.app, 'POST', '/api/v1/agencies', { token: tenantadmin, body: { ...AGENCY, agency_code: 'AGENCY_003', tenant_id: tenantId + 1000 } })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'POST', '/api/v1/agencies', { body: AGENCY })).toMatchObject({ status: 401, body: error(401) });
    expect((await call(platform.app, 'GET', '/api/v1/agencies', { token: tenantadmin })).body.data.total).toBe(1);
  });

  it('GET lists {total, page, size, items}; is_active and tenant_id filter', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/agencies?page=1&size=10', { token: tenantadmin });
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: { total: 1, page: 1, size: 10, items: [{ id: agencyId, tenant_id: tenantId, ...AGENCY, created_at: agencyCreatedAt }] },
    });
    expect(agencyCreatedAt).toMatch(CCO_TIME); // the create answer renders in the tenant's zone, as the list does
    expect((await call(platform.app, 'GET', '/api/v1/agencies?is_active=false', { token: tenantadmin })).body.data.total).toBe(0);
    expect((await call(platform.app, 'GET', `/api/v1/agencies?tenant_id=${tenantId}`, { token: superadmin })).body.data.total).toBe(1);
    expect((await call(platform.app, 'GET', `/api/v1/agencies?tenant_id=${tenantId + 1000}`, { token: superadmin })).body.data.total).toBe(0);
  });

  it('PUT changes the fields sent; a bad e-mail is 400 and changes nothing; an unknown agency is 404', async () => {
    const res = await call(platform.app, 'PUT', `/api/v1/agencies/${agencyId}`, { token: tenantadmin, body: { contact_person: '李四', timezone: 7 } });
    expect(res.body).toMatchObject({ code: 200, message: '更新成功', data: { id: agencyId, contact_person: '李四', timezone: 7, agency_name: '催收机构1', created_at: agencyCreatedAt } });
    expect(await call(platform.app, 'PUT', `/api/v1/agencies/${agencyId}`, { token: tenantadmin, body: { contact_email: 'not-mail', contact_person: '王五' } })).toMatchObject({
      status: 400,
      body: { ...error(400), message: expect.stringContaining('contact_email') },
    });
    expect((await call(platform.app, 'GET', `/api/v1/agencies/${agencyId}`, { token: tenantadmin })).body.data.contact_person).toBe('李四');
    expect(await call(platform.app, 'PUT', '/api/v1/agencies/99999', { token: tenantadmin, body: { contact_person: 'x' } })).toMatchObject({ status: 404, body: error(404) });
  });
});

describe('/api/v1/team-groups', () => {
  it('POST creates the group and, with spv_* fields, its SPV account, who then signs in at the admin console', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/team-groups', { token: tenantadmin, body: {
      agency_id: agencyId,
      group_code: 'GROUP_A',
      group_name: 'A组群',
      group_name_en: 'Group A',
      description: '负责M1和M2队列',
      sort_order: 1,
      is_active: true,
      spv_login_id: 'spv_a',
      spv_password: '123456',
      spv_account_name: '小组群长A',
      spv_email: 'spv_a@example.com',
      spv_mobile: '+63-917-000-0001',
    } });
    expect(res.body).toEqual({
      code: 200,
      message: '创建成功',
      data: {
        id: expect.any(Number),
        agency_id: agencyId,
        group_code: 'GROUP_A',
        group_name: 'A组群',
        group_name_en: 'Group A',
        description: '负责M1和M2队列',
        sort_order: 1,
        spv_id: expect.any(Number),
        spv_name: '小组群长A',
        team_count: 0,
        is_active: true,
      },
    });
    groupId = res.body.data.id;
    spvId = res.body.data.spv_id;
    const spv = await ccoAdminToken(platform.app, 'spv_a', '123456');
    expect((await call(platform.app, 'GET', `/api/v1/team-groups/${groupId}`, { token: spv })).status).toBe(200);
  });

  it('POST: a taken code is 409 (no SPV account made); a missing agency_id is 400; anonymous 401', async () => {
    const again = await call(platform.app, 'POST', '/api/v1/team-groups', { token: tenantadmin, body: { agency_id: agencyId, group_code: 'GROUP_A', group_name: 'x', spv_login_id: 'spv_x', spv_password: '123456' } });
    expect(again).toMatchObject({ status: 409, body: error(409) });
    expect((await call(platform.app, 'POST', '/api/v1/admin/auth/login', { body: { loginId: 'spv_x', password: '123456' } })).status).toBe(401);
    expect(await call(platform.app, 'POST', '/api/v1/team-groups', { token: tenantadmin, body: { group_code: 'GROUP_B', group_name: 'B' } })).toMatchObject({
      status: 400,
      body: { ...error(400), message: expect.stringContaining('agency_id') },
    });
    expect((await call(platform.app, 'GET', '/api/v1/team-groups')).status).toBe(401);
  });

  it('GET lists and GET by id answers spv and teams; an unknown group is 404', async () => {
    const list = await call(platform.app, 'GET', `/api/v1/team-groups?agency_id=${agencyId}`, { token: tenantadmin });
    expect(list.body.data).toMatchObject({ total: 1, page: 1, size: 10, items: [{ id: groupId, spv_id: spvId, spv_name: '小组群长A', team_count: 0 }] });
    const detail = await call(platform.app, 'GET', `/api/v1/team-groups/${groupId}`, { token: tenantadmin });
    expect(detail.body.data).toMatchObject({ id: groupId, group_name: 'A组群', spv: { id: spvId, collector_name: '小组群长A', mobile: '+63-917-000-0001' }, teams: [] });
    expect(await call(platform.app, 'GET', '/api/v1/team-groups/99999', { token: tenantadmin })).toMatchObject({ status: 404, body: error(404) });
  });
});

describe('/api/v1/teams', () => {
  const TEAM = {
    team_code: 'TEAM_M1',
    team_name: 'M1催收小组',
    team_name_en: 'M1 Collection Team',
    team_type: '电催组',
    description: '专门负责M1队列（1-30天）',
    max_case_count: 5000,
    is_active: true,
  };

  it('POST creates the team in the group and answers it as the list shows it', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/teams', { token: tenantadmin, body: { agency_id: agencyId, team_group_id: groupId, ...TEAM } });
    expect(res.body).toEqual({
      code: 200,
      message: '创建成功',
      data: {
        id: expect.any(Number),
        agency_id: agencyId,
        team_group_id: groupId,
        queue_id: null,
        ...TEAM,
        team_group_name: 'A组群',
        queue_name: null,
        team_leader_name: null,
        collector_count: 0,
        current_case_count: 0,
      },
    });
    teamId = res.body.data.id;
  });

  it('POST: a taken code is 409; a group of nowhere is 400 naming team_group_id; nothing is created', async () => {
    expect(await call(platform.app, 'POST', '/api/v1/teams', { token: tenantadmin, body: { agency_id: agencyId, ...TEAM } })).toMatchObject({ status: 409, body: error(409) });
    expect(await call(platform.app, 'POST', '/api/v1/teams', { token: tenantadmin, body: { agency_id: agencyId, team_group_id: 99999, ...TEAM, team_code: 'TEAM_X' } })).toMatchObject({
      status: 400,
      body: { ...error(400), message: expect.stringContaining('team_group_id') },
    });
    expect((await call(platform.app, 'GET', '/api/v1/teams', { token: tenantadmin })).body.data.total).toBe(1);
  });
});

describe('/api/v1/collectors', () => {
  const COLLECTOR = {
    collector_code: 'COL_001',
    collector_name: '王小明',
    login_id: 'collector001',
    password: '123456',
    mobile: '+63-917-123-4567',
    email: 'collector001@example.com',
    employee_no: 'EMP001',
    collector_level: '高级',
    max_case_count: 150,
    specialties: ['高额案件', '法务处理'],
    status: 'active',
    is_active: true,
  };

  it('POST creates the account and the profile; the list shows login_id, email from identity', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/collectors', { token: tenantadmin, body: { agency_id: agencyId, team_id: teamId, ...COLLECTOR } });
    const { login_id: _l, password: _p, ...profile } = COLLECTOR;
    expect(res.body).toEqual({
      code: 200,
      message: '创建成功',
      data: {
        ...profile,
        id: expect.any(Number),
        agency_id: agencyId,
        team_id: teamId,
        team_group_id: groupId,
        login_id: 'collector001',
        team_name: 'M1催收小组',
        position: 'collector',
        current_case_count: 0,
        performance_score: null,
        last_login_at: null,
        created_at: expect.stringMatching(CCO_TIME),
      },
    });
    collectorId = res.body.data.id;
    const runtime = platform.platform.subgraphs.find((s) => s.name === 'collections') as unknown as { signer: TokenSigner };
    const users = await platform.platform.router.executor.execute({
      query: '{ users(filter: { search: "collector001" }) { items { id tenantId } } }',
      variables: {},
      headers: { authorization: `Bearer ${tenantadmin}` },
    });
    const user = (users.data as { users: { items: { id: string; tenantId: string }[] } }).users.items[0];
    collectorToken = runtime.signer.signAccess(BASE_ROLES.collector({ tenantId: user.tenantId, userId: user.id, username: 'collector001' }), 3600);

    const list = await call(platform.app, 'GET', `/api/v1/collectors?team_id=${teamId}`, { token: tenantadmin });
    expect(list.body.data).toMatchObject({
      total: 1,
      page: 1,
      size: 10,
      items: [{ id: collectorId, login_id: 'collector001', email: 'collector001@example.com', team_name: 'M1催收小组', created_at: res.body.data.created_at }],
    });
    expect((await call(platform.app, 'GET', '/api/v1/collectors?status=休假', { token: tenantadmin })).body.data.total).toBe(0);
  });

  it('POST: a taken code or login id is 409; a short password is 400 naming it; nothing is created', async () => {
    expect(await call(platform.app, 'POST', '/api/v1/collectors', { token: tenantadmin, body: { agency_id: agencyId, ...COLLECTOR, login_id: 'collector009' } })).toMatchObject({ status: 409, body: error(409) });
    const login = await call(platform.app, 'POST', '/api/v1/collectors', { token: tenantadmin, body: { agency_id: agencyId, ...COLLECTOR, collector_code: 'COL_009', email: 'c9@example.com' } });
    expect(login).toMatchObject({ status: 409, body: { ...error(409), message: expect.stringContaining('collector001') } });
    expect(await call(platform.app, 'POST', '/api/v1/collectors', { token: tenantadmin, body: { agency_id: agencyId, ...COLLECTOR, collector_code: 'COL_009', login_id: 'c9', password: '12' } })).toMatchObject({
      status: 400,
      body: { ...error(400), message: expect.stringContaining('password') },
    });
    expect((await call(platform.app, 'GET', '/api/v1/collectors', { token: tenantadmin })).body.data.total).toBe(2); // the collector and the SPV
  });

  it('PUT /collectors/{id} changes the profile and the account name; GET by id answers performance and recent activities', async () => {
    const put = await call(platform.app, 'PUT', `/api/v1/collectors/${collectorId}`, { token: tenantadmin, body: { collector_name: '王大明', collector_level: '中级' } });
    const listed = (await call(platform.app, 'GET', `/api/v1/collectors/${collectorId}`, { token: tenantadmin })).body.data.created_at;
    expect(put.body).toMatchObject({ code: 200, data: { id: collectorId, collector_name: '王大明', collector_level: '中级', created_at: listed } });
    expect(await call(platform.app, 'PUT', `/api/v1/collectors/${collectorId}`, { token: tenantadmin, body: { max_case_count: -1 } })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('max_case_count') } });
    const detail = await call(platform.app, 'GET', `/api/v1/collectors/${collectorId}`, { token: tenantadmin });
    expect(detail.body.data).toMatchObject({
      id: collectorId,
      collector_name: '王大明',
      team_name: 'M1催收小组',
      max_case_count: 150,
      current_cases: 0,
      performance: { total_cases: 0, resolved_cases: 0, resolution_rate: 0, total_collected_amount: 0, contact_rate: 0 },
    });
    expect(detail.body.data.recent_activities).toHaveLength(7);
    expect(detail.body.data.recent_activities[0]).toEqual({ date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), contact_count: 0, ptp_count: 0 });
    expect(await call(platform.app, 'GET', '/api/v1/collectors/99999', { token: tenantadmin })).toMatchObject({ status: 404, body: error(404) });
  });

  it('reset-password sets the account password; status false deactivates the account, true reactivates it', async () => {
    expect((await call(platform.app, 'POST', `/api/v1/collectors/${collectorId}/reset-password`, { token: tenantadmin, body: { new_password: 'new123456' } })).body).toEqual({ code: 200, message: '密码重置成功' });
    expect(await call(platform.app, 'POST', `/api/v1/collectors/${collectorId}/reset-password`, { token: tenantadmin, body: { new_password: '1' } })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('new_password') } });
    const off = await call(platform.app, 'PUT', `/api/v1/collectors/${collectorId}/status`, { token: tenantadmin, body: { is_active: false, reason: '离职' } });
    expect(off.body).toEqual({ code: 200, message: '更新成功', data: { id: collectorId, is_active: false, status: 'active', reason: '离职' } });
    const users = await platform.platform.router.executor.execute({
      query: '{ users(filter: { search: "collector001" }) { items { status } } }',
      variables: {},
      headers: { authorization: `Bearer ${tenantadmin}` },
    });
    expect((users.data as { users: { items: { status: string }[] } }).users.items).toEqual([{ status: 'inactive' }]);
    expect(await call(platform.app, 'PUT', `/api/v1/collectors/${collectorId}/status`, { token: tenantadmin, body: { reason: 'x' } })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('is_active') } });
    expect((await call(platform.app, 'PUT', `/api/v1/collectors/${collectorId}/status`, { token: tenantadmin, body: { is_active: true } })).body.data.is_active).toBe(true);
  });

  it('PUT /teams/{id}/leader and PUT /team-groups/{id}/spv take a collector id; GET /teams/{id} answers leader, collectors, statistics', async () => {
    const leader = await call(platform.app, 'PUT', `/api/v1/teams/${teamId}/leader`, { token: tenantadmin, body: { team_leader_id: collectorId } });
    expect(leader.body).toMatchObject({ code: 200, message: '设置成功', data: { id: teamId, team_leader_id: collectorId, team_leader_name: '王大明' } });
    expect(await call(platform.app, 'PUT', `/api/v1/teams/${teamId}/leader`, { token: tenantadmin, body: { team_leader_id: 'one' } })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('team_leader_id') } });
    const team = await call(platform.app, 'GET', `/api/v1/teams/${teamId}`, { token: tenantadmin });
    expect(team.body.data).toMatchObject({
      id: teamId,
      team_name: 'M1催收小组',
      team_leader: { id: collectorId, collector_name: '王大明', mobile: '+63-917-123-4567' },
      queue: null,
      collectors: [{ id: collectorId, collector_name: '王大明', position: 'team_leader', current_case_count: 0, max_case_count: 150 }],
      statistics: { total_collectors: 0, total_cases: 0, resolved_cases: 0, resolution_rate: 0 },
    });
    expect(await call(platform.app, 'GET', '/api/v1/teams/99999', { token: tenantadmin })).toMatchObject({ status: 404, body: error(404) });
    const spv = await call(platform.app, 'PUT', `/api/v1/team-groups/${groupId}/spv`, { token: tenantadmin, body: { spv_id: collectorId } });
    expect(spv.body).toMatchObject({ code: 200, data: { id: groupId, spv_id: collectorId, spv_name: '王大明' } });
    expect(await call(platform.app, 'PUT', `/api/v1/team-groups/${groupId}/spv`, { token: tenantadmin, body: { spv_id: 99999 } })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('spv_id') } });
    expect((await call(platform.app, 'GET', `/api/v1/team-groups/${groupId}`, { token: tenantadmin })).body.data.spv_id).toBe(collectorId);
    // The account now holds the SPV role: it signs in at the admin console and reaches its group.
    const asSpv = await ccoAdminToken(platform.app, 'collector001', 'new123456');
    expect((await call(platform.app, 'GET', `/api/v1/team-groups/${groupId}`, { token: asSpv })).body.data).toMatchObject({ id: groupId, spv_id: collectorId });
  });
});

describe('/api/v1/agency-working-hours and deleting an agency', () => {
  it('GET answers seven default days for an agency with none configured', async () => {
    const res = await call(platform.app, 'GET', `/api/v1/agency-working-hours?agency_id=${agencyId}`, { token: tenantadmin });
    expect(res.body.data.items).toHaveLength(7);
    expect(res.body.data.items[0]).toEqual({ id: null, agency_id: agencyId, day_of_week: 1, start_time: '09:00:00', end_time: '18:00:00', is_working_day: true });
    expect(res.body.data.items[6]).toMatchObject({ day_of_week: 7, is_working_day: false });
  });

  it('DELETE is refused (400) while the agency has teams and collectors, saying so; an empty agency is deleted', async () => {
    const refused = await call(platform.app, 'DELETE', `/api/v1/agencies/${agencyId}`, { token: tenantadmin });
    expect(refused).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('1 team(s)') } });
    expect((await call(platform.app, 'GET', `/api/v1/agencies/${agencyId}`, { token: tenantadmin })).status).toBe(200);
    const empty = (await call(platform.app, 'POST', '/api/v1/agencies', { token: tenantadmin, body: { ...AGENCY, agency_code: 'EMPTY' } })).body.data.id;
    expect((await call(platform.app, 'DELETE', `/api/v1/agencies/${empty}`, { token: tenantadmin })).body).toEqual({ code: 200, message: '删除成功' });
    expect(await call(platform.app, 'GET', `/api/v1/agencies/${empty}`, { token: tenantadmin })).toMatchObject({ status: 404, body: error(404) });
  });
});

describe('every org route refuses a collector token (403) and anonymous callers (401)', () => {
  const ROUTES: Array<['GET' | 'POST' | 'PUT' | 'DELETE', () => string, (() => unknown)?]> = [
    ['GET', () => '/api/v1/agencies'],
    ['POST', () => '/api/v1/agencies', () => ({ ...AGENCY, agency_code: 'COLLECTOR_TRY' })],
    ['GET', () => `/api/v1/agencies/${agencyId}`],
    ['PUT', () => `/api/v1/agencies/${agencyId}`, () => ({ contact_person: 'x' })],
    ['DELETE', () => `/api/v1/agencies/${agencyId}`],
    ['GET', () => '/api/v1/team-groups'],
    ['POST', () => '/api/v1/team-groups', () => ({ agency_id: agencyId, group_code: 'G_TRY', group_name: 'x' })],
    ['PUT', () => `/api/v1/team-groups/${groupId}/spv`, () => ({ spv_id: collectorId })],
    ['GET', () => `/api/v1/team-groups/${groupId}`],
    ['GET', () => '/api/v1/teams'],
    ['POST', () => '/api/v1/teams', () => ({ agency_id: agencyId, team_code: 'T_TRY', team_name: 'x' })],
    ['PUT', () => `/api/v1/teams/${teamId}/leader`, () => ({ team_leader_id: collectorId })],
    ['GET', () => `/api/v1/teams/${teamId}`],
    ['GET', () => '/api/v1/collectors'],
    ['POST', () => '/api/v1/collectors', () => ({ agency_id: agencyId, collector_code: 'C_TRY', collector_name: 'x', login_id: 'c_try', password: '123456' })],
    ['PUT', () => `/api/v1/collectors/${collectorId}`, () => ({ collector_level: 'x' })],
    ['GET', () => `/api/v1/collectors/${collectorId}`],
    ['POST', () => `/api/v1/collectors/${collectorId}/reset-password`, () => ({ new_password: '123456' })],
    ['PUT', () => `/api/v1/collectors/${collectorId}/status`, () => ({ is_active: false })],
    ['GET', () => '/api/v1/agency-working-hours'],
  ];

  it.each(ROUTES.map(([method, path, body], i) => ({ method, path, body, i })))('$method route $i', async ({ method, path, body: bodyOf }) => {
    const body = bodyOf?.();
    const asCollector = await call(platform.app, method, path(), { token: collectorToken, body });
    expect([path(), asCollector.status, asCollector.body]).toEqual([path(), 403, error(403)]);
    expect(await call(platform.app, method, path(), { body })).toMatchObject({ status: 401, body: error(401) });
  });

  it('nothing changed for them', async () => {
    expect((await call(platform.app, 'GET', `/api/v1/agencies/${agencyId}`, { token: tenantadmin })).body.data.contact_person).toBe('李四');
    expect((await call(platform.app, 'GET', `/api/v1/collectors/${collectorId}`, { token: tenantadmin })).body.data).toMatchObject({ collector_level: '中级', is_active: true });
  });
});
