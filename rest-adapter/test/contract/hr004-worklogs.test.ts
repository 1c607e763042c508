import { useTestPlatform } from '../support/platform';
import { call, hrError, hrOk, hrToken, ISO_UTC } from '../support/contract';

const platform = useTestPlatform();
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const today = () => daysAgo(0);

let admin: string;
/** mia holds the lead position, the parent of alice's and bob's; carl sits elsewhere. */
const users: Record<'mia' | 'alice' | 'bob' | 'carl', { id: string; token: string }> = {} as never;

async function position(token: string, code: string, parentId?: string) {
  const body = { name: code, code, level: parentId ? 2 : 1, ...(parentId ? { parent_id: parentId } : {}) };
  return (await call(platform.app, 'POST', '/api/positions', { token, body })).body.data.id as string;
}

/** Polls until `check` holds: worklogs learns identity's users and positions through events, a moment later. */
async function eventually(check: () => Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('worklogs did not learn the org in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  admin = await hrToken(platform.app, 'admin', 'Admin123456');
  const lead = await position(admin, 'wl_lead');
  const developer = await position(admin, 'wl_dev', lead);
  const support = await position(admin, 'wl_support');
  const roles = await call(platform.app, 'GET', '/api/roles?page_size=100', { token: admin });
  const userRole = roles.body.data.items.find((r: { code: string }) => r.code === 'user').id;
  const places = { mia: lead, alice: developer, bob: developer, carl: support };
  for (const [name, positionId] of Object.entries(places)) {
    const body = { username: `wl_${name}`, password: 'Password123', full_name: `员工 ${name}`, position_id: positionId, role_id: userRole };
    const created = await call(platform.app, 'POST', '/api/employees', { token: admin, body });
    users[name as keyof typeof users] = { id: created.body.data.id, token: await hrToken(platform.app, `wl_${name}`, 'Password123') };
  }
}, 60_000);

const log = (over: Record<string, unknown> = {}) => ({
  log_date: daysAgo(1),
  work_content: '完成用户模块开发',
  completion_status: 'completed',
  problems_encountered: '接口联调延迟',
  tomorrow_plan: '编写单元测试',
  self_rating: 4,
  ...over,
});

const listOf = async (token: string, query = '') =>
  (await call(platform.app, 'GET', `/api/worklogs${query}`, { token })).body.data;

/** The documented work log, as every route answers it. */
const documented = (who: keyof typeof users, fields: Record<string, unknown>) => ({
  id: expect.any(String),
  employee_id: users[who].id,
  log_date: expect.stringMatching(DAY),
  work_content: expect.any(String),
  completion_status: 'completed',
  problems_encountered: null,
  tomorrow_plan: null,
  self_rating: null,
  supervisor_rating: null,
  supervisor_comment: null,
  supervisor_id: null,
  rated_at: null,
  created_at: expect.stringMatching(ISO_UTC),
  updated_at: expect.stringMatching(ISO_UTC),
  employee: { id: users[who].id, username: `wl_${who}`, full_name: `员工 ${who}` },
  ...fields,
});

describe('POST /api/worklogs', () => {
  it('creates the caller’s log (201) and answers the documented work log', async () => {
    const res = await call(platform.app, 'POST', '/api/worklogs', { token: users.alice.token, body: log() });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(
      hrOk(
        documented('alice', {
          log_date: daysAgo(1),
          work_content: '完成用户模块开发',
          problems_encountered: '接口联调延迟',
          tomorrow_plan: '编写单元测试',
          self_rating: 4,
        }),
      ),
    );
  });

  it('log_date defaults to today; completion_status to completed', async () => {
    const res = await call(platform.app, 'POST', '/api/worklogs', { token: users.bob.token, body: { work_content: '今天的工作' } });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ log_date: today(), completion_status: 'completed', employee_id: users.bob.id });
  });

  it('a second log for the same day is 409 RESOURCE_002 and creates nothing', async () => {
    const res = await call(platform.app, 'POST', '/api/worklogs', { token: users.alice.token, body: log({ work_content: '又一篇' }) });
    expect(res).toMatchObject({ status: 409, body: hrError('RESOURCE_002') });
    expect((await listOf(users.alice.token)).total).toBe(1);
  });

  it('a missing work_content, a rating out of 1–5, a bad status or date are 422 naming the field; nothing is created', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ log_date: daysAgo(2) }, 'work_content'],
      [log({ log_date: daysAgo(2), self_rating: 6 }), 'self_rating'],
      [log({ log_date: daysAgo(2), completion_status: 'done' }), 'completion_status'],
      [log({ log_date: '2024/01/15' }), 'log_date'],
      [log({ log_date: '2024-02-30' }), 'log_date'],
      [log({ log_date: daysAgo(-2) }), 'log_date'],
    ];
    for (const [body, field] of cases) {
      const res = await call(platform.app, 'POST', '/api/worklogs', { token: users.alice.token, body });
      expect({ field, ...res }).toMatchObject({ field, status: 422, body: hrError('VALID_001', expect.objectContaining({ field })) });
    }
    expect((await listOf(users.alice.token)).total).toBe(1);
  });

  it('without a token is 401 AUTH_001; without worklogs:create is 403 AUTH_003', async () => {
    expect(await call(platform.app, 'POST', '/api/worklogs', { body: log() })).toMatchObject({ status: 401, body: hrError('AUTH_001') });
    const viewer = (await call(platform.app, 'POST', '/api/roles', { token: admin, body: { code: 'wl_viewer', name: '只读', permissions: ['worklogs:view'] } })).body.data;
    await call(platform.app, 'POST', '/api/employees', { token: admin, body: { username: 'wl_viewer', password: 'Password123', role_id: viewer.id } });
    const token = await hrToken(platform.app, 'wl_viewer', 'Password123');
    expect(await call(platform.app, 'POST', '/api/worklogs', { token, body: log() })).toMatchObject({ status: 403, body: hrError('AUTH_003') });
    expect((await listOf(token)).total).toBe(0);
  });
});

describe('GET /api/worklogs', () => {
  beforeAll(async () => {
    await call(platform.app, 'POST', '/api/worklogs', { token: users.alice.token, body: log({ log_date: daysAgo(3), completion_status: 'in_progress' }) });
    await call(platform.app, 'POST', '/api/worklogs', { token: users.carl.token, body: log({ log_date: daysAgo(1) }) });
    // the supervisor sees reports once worklogs has learnt the positions
    await eventually(async () => (await listOf(users.mia.token)).total === 3);
  });

  it('answers the documented page, newest day first: an employee sees their own', async () => {
    const res = await call(platform.app, 'GET', '/api/worklogs?page=1&page_size=20', { token: users.alice.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk({
        items: [
          documented('alice', { log_date: daysAgo(1), work_content: '完成用户模块开发', problems_encountered: '接口联调延迟', tomorrow_plan: '编写单元测试', self_rating: 4 }),
          documented('alice', { log_date: daysAgo(3), completion_status: 'in_progress', work_content: '完成用户模块开发', problems_encountered: '接口联调延迟', tomorrow_plan: '编写单元测试', self_rating: 4 }),
        ],
        total: 2,
        page: 1,
        page_size: 20,
        pages: 1,
      }),
    );
  });

  it('the supervisor sees their reports’ logs, not carl’s; the admin sees the whole tenant', async () => {
    const mine = await listOf(users.mia.token);
    expect(new Set(mine.items.map((i: { employee_id: string }) => i.employee_id))).toEqual(new Set([users.alice.id, users.bob.id]));
    expect((await listOf(admin)).total).toBe(4);
    expect((await listOf(users.carl.token)).total).toBe(1);
  });

  it('filters by employee_id, start_date/end_date (inclusive) and completion_status; pages', async () => {
    const base = `?employee_id=${users.alice.id}`;
    expect((await listOf(admin, `${base}&start_date=${daysAgo(3)}&end_date=${daysAgo(3)}`)).items.map((i: { log_date: string }) => i.log_date)).toEqual([daysAgo(3)]);
    expect((await listOf(admin, `${base}&start_date=${daysAgo(3)}&end_date=${daysAgo(1)}`)).total).toBe(2);
    expect((await listOf(admin, `${base}&completion_status=in_progress`)).total).toBe(1);
    expect(await listOf(admin, `${base}&page=2&page_size=1`)).toMatchObject({ total: 2, page: 2, page_size: 1, pages: 2, items: [{ log_date: daysAgo(3) }] });
    // another's employee_id gives an employee nothing
    expect((await listOf(users.carl.token, base)).total).toBe(0);
  });

  it('bad filters are 422 naming the parameter; without a token 401', async () => {
    const cases: Array<[string, string]> = [
      ['?start_date=yesterday', 'start_date'],
      ['?end_date=2024-13-01', 'end_date'],
      [`?start_date=${daysAgo(1)}&end_date=${daysAgo(3)}`, 'end_date'],
      ['?completion_status=done', 'completion_status'],
      ['?employee_id=abc', 'employee_id'],
      ['?page_size=101', 'page_size'],
    ];
    for (const [query, field] of cases) {
      const res = await call(platform.app, 'GET', `/api/worklogs${query}`, { token: admin });
      expect({ field, ...res }).toMatchObject({ field, status: 422, body: hrError('VALID_001', expect.objectContaining({ field })) });
    }
    expect(await call(platform.app, 'GET', '/api/worklogs', {})).toMatchObject({ status: 401, body: hrError('AUTH_001') });
  });
});

describe('GET/PUT /api/worklogs/{id} and POST /api/worklogs/{id}/rate', () => {
  let id: string;
  beforeAll(async () => {
    id = (await call(platform.app, 'POST', '/api/worklogs', { token: users.alice.token, body: log({ log_date: daysAgo(5) }) })).body.data.id;
    await eventually(async () => (await call(platform.app, 'GET', `/api/worklogs/${id}`, { token: users.mia.token })).status === 200);
  });

  it('GET answers the documented log to its owner, the supervisor and the admin', async () => {
    for (const token of [users.alice.token, users.mia.token, admin]) {
      const res = await call(platform.app, 'GET', `/api/worklogs/${id}`, { token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        hrOk(documented('alice', { id, log_date: daysAgo(5), work_content: '完成用户模块开发', problems_encountered: '接口联调延迟', tomorrow_plan: '编写单元测试', self_rating: 4 })),
      );
    }
  });

  it('GET of another employee’s log, or of an id naming nothing, is 404 RESOURCE_001', async () => {
    for (const [token, target] of [[users.carl.token, id], [users.bob.token, id], [admin, '999999'], [admin, 'abc']]) {
      expect(await call(platform.app, 'GET', `/api/worklogs/${target}`, { token })).toMatchObject({ status: 404, body: hrError('RESOURCE_001') });
    }
  });

  it('PUT by the owner changes only what is sent', async () => {
    const res = await call(platform.app, 'PUT', `/api/worklogs/${id}`, { token: users.alice.token, body: { work_content: '修改后的内容', tomorrow_plan: null } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk(documented('alice', { id, log_date: daysAgo(5), work_content: '修改后的内容', problems_encountered: '接口联调延迟', tomorrow_plan: null, self_rating: 4 })),
    );
  });

  it('PUT with bad input is 422 and changes nothing; by the supervisor 403; by another employee or of an unknown id 404', async () => {
    const before = (await call(platform.app, 'GET', `/api/worklogs/${id}`, { token: admin })).body.data;
    expect(await call(platform.app, 'PUT', `/api/worklogs/${id}`, { token: users.alice.token, body: { work_content: 'x', self_rating: 0 } })).toMatchObject({
      status: 422,
      body: hrError('VALID_001', expect.objectContaining({ field: 'self_rating' })),
    });
    expect(await call(platform.app, 'PUT', `/api/worklogs/${id}`, { token: users.alice.token, body: { work_content: '   ' } })).toMatchObject({
      status: 422,
      body: hrError('VALID_001', expect.objectContaining({ field: 'work_content' })),
    });
    expect(await call(platform.app, 'PUT', `/api/worklogs/${id}`, { token: users.mia.token, body: { work_content: '主管改' } })).toMatchObject({
      status: 403,
      body: hrError('AUTH_003'),
    });
    expect(await call(platform.app, 'PUT', `/api/worklogs/${id}`, { token: users.carl.token, body: { work_content: '别人改' } })).toMatchObject({
      status: 404,
      body: hrError('RESOURCE_001'),
    });
    expect(await call(platform.app, 'PUT', '/api/worklogs/999999', { token: users.alice.token, body: { work_content: 'x' } })).toMatchObject({
      status: 404,
      body: hrError('RESOURCE_001'),
    });
    expect((await call(platform.app, 'GET', `/api/worklogs/${id}`, { token: admin })).body.data).toEqual(before);
  });

  it('rating: bad input 422, the owner 403, another employee 404 — and nothing changes', async () => {
    const before = (await call(platform.app, 'GET', `/api/worklogs/${id}`, { token: admin })).body.data;
    for (const body of [{ supervisor_rating: 6 }, { supervisor_rating: 0 }, { supervisor_comment: '好' }, { supervisor_rating: '5' }]) {
      expect(await call(platform.app, 'POST', `/api/worklogs/${id}/rate`, { token: users.mia.token, body })).toMatchObject({
        status: 422,
        body: hrError('VALID_001', expect.objectContaining({ field: 'supervisor_rating' })),
      });
    }
    expect(await call(platform.app, 'POST', `/api/worklogs/${id}/rate`, { token: users.alice.token, body: { supervisor_rating: 5 } })).toMatchObject({
      status: 403,
      body: hrError('AUTH_003'),
    });
    // bob shares alice's position: a colleague, not her supervisor, and cannot see her log
    expect(await call(platform.app, 'POST', `/api/worklogs/${id}/rate`, { token: users.bob.token, body: { supervisor_rating: 5 } })).toMatchObject({
      status: 404,
      body: hrError('RESOURCE_001'),
    });
    expect(await call(platform.app, 'POST', '/api/worklogs/999999/rate', { token: users.mia.token, body: { supervisor_rating: 5 } })).toMatchObject({
      status: 404,
      body: hrError('RESOURCE_001'),
    });
    expect((await call(platform.app, 'GET', `/api/worklogs/${id}`, { token: admin })).body.data).toEqual(before);
  });

  it('the supervisor rates (200, the rated log); then it is frozen: PUT and a second rating are 409', async () => {
    const res = await call(platform.app, 'POST', `/api/worklogs/${id}/rate`, {
      token: users.mia.token,
      body: { supervisor_rating: 5, supervisor_comment: '完成质量很高' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk(
        documented('alice', {
          id,
          log_date: daysAgo(5),
          work_content: '修改后的内容',
          problems_encountered: '接口联调延迟',
          self_rating: 4,
          supervisor_rating: 5,
          supervisor_comment: '完成质量很高',
          supervisor_id: users.mia.id,
          rated_at: expect.stringMatching(ISO_UTC),
        }),
      ),
    );
    expect(await call(platform.app, 'PUT', `/api/worklogs/${id}`, { token: users.alice.token, body: { work_content: '评分后再改' } })).toMatchObject({
      status: 409,
      body: hrError('RESOURCE_002'),
    });
    expect(await call(platform.app, 'POST', `/api/worklogs/${id}/rate`, { token: admin, body: { supervisor_rating: 1 } })).toMatchObject({
      status: 409,
      body: hrError('RESOURCE_002'),
    });
    expect((await call(platform.app, 'GET', `/api/worklogs/${id}`, { token: admin })).body.data).toMatchObject({ work_content: '修改后的内容', supervisor_rating: 5 });
  });

  it('a holder of worklogs:rate (the admin) rates anyone’s log in the tenant', async () => {
    const carls = (await listOf(users.carl.token)).items[0].id;
    const res = await call(platform.app, 'POST', `/api/worklogs/${carls}/rate`, { token: admin, body: { supervisor_rating: 3 } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ supervisor_rating: 3, supervisor_comment: null, rated_at: expect.stringMatching(ISO_UTC) });
  });

  it('GET /api/employees/{id} reports the employee’s work_logs_count and average ratings', async () => {
    const res = await call(platform.app, 'GET', `/api/employees/${users.alice.id}`, { token: admin });
    expect(res.status).toBe(200);
    // alice: three logs, all self-rated 4; one rated 5 by mia
    expect(res.body.data).toMatchObject({ id: users.alice.id, work_logs_count: 3, avg_self_rating: 4, avg_supervisor_rating: 5 });
    const mia = await call(platform.app, 'GET', `/api/employees/${users.mia.id}`, { token: admin });
    expect(mia.body.data).toMatchObject({ work_logs_count: 0, avg_self_rating: null, avg_supervisor_rating: null });
  });
});

describe('tenant isolation', () => {
  let otherToken: string;
  let otherLog: string;
  beforeAll(async () => {
    // Another tenant with an employee of its own (identity's GraphQL names the tenant; the 004 routes cannot).
    const superadmin = await hrToken(platform.app, 'superadmin', '123456');
    const tenant = await call(platform.app, 'POST', '/api/v1/tenants', {
      token: superadmin,
      body: { tenant_code: 'WL_OTHER', tenant_name: '另一家公司', country_code: 'PH', timezone: 8, currency_code: 'PHP', is_active: true },
    });
    const created = await platform.platform.router.executor.execute({
      query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      variables: { input: { username: 'wl_other', password: 'Password123', tenantId: String(tenant.body.data.id) } },
      headers: { authorization: `Bearer ${superadmin}` },
    });
    expect(created.errors).toBeUndefined();
    otherToken = await hrToken(platform.app, 'wl_other', 'Password123');
    otherLog = (await call(platform.app, 'POST', '/api/worklogs', { token: otherToken, body: log({ log_date: daysAgo(1) }) })).body.data.id;
  });

  it('another tenant’s log is 404 RESOURCE_001 to the admin (read, update, rate) and never listed; changes nothing', async () => {
    expect(await call(platform.app, 'GET', `/api/worklogs/${otherLog}`, { token: admin })).toMatchObject({ status: 404, body: hrError('RESOURCE_001') });
    expect(await call(platform.app, 'PUT', `/api/worklogs/${otherLog}`, { token: admin, body: { work_content: 'x' } })).toMatchObject({
      status: 404,
      body: hrError('RESOURCE_001'),
    });
    expect(await call(platform.app, 'POST', `/api/worklogs/${otherLog}/rate`, { token: admin, body: { supervisor_rating: 1 } })).toMatchObject({
      status: 404,
      body: hrError('RESOURCE_001'),
    });
    expect((await listOf(admin)).items.map((i: { id: string }) => i.id)).not.toContain(otherLog);
    const own = await listOf(otherToken);
    expect(own).toMatchObject({ total: 1, items: [{ id: otherLog, supervisor_rating: null, work_content: '完成用户模块开发' }] });
  });

  it('and the other tenant’s employee sees none of this tenant’s logs', async () => {
    const alices = (await listOf(users.alice.token)).items[0].id;
    expect(await call(platform.app, 'GET', `/api/worklogs/${alices}`, { token: otherToken })).toMatchObject({ status: 404, body: hrError('RESOURCE_001') });
  });
});

describe('a body that is not JSON', () => {
  it('is 422 VALID_002 and creates nothing', async () => {
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/worklogs',
      headers: { authorization: `Bearer ${users.carl.token}`, 'content-type': 'application/json' },
      payload: '{"work_content": ',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual(hrError('VALID_002'));
    expect((await listOf(users.carl.token)).total).toBe(1);
  });
});
