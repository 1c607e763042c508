import { useTestPlatform } from '../support/platform';
import { call, hrError, hrOk, hrToken, ISO_UTC, plainUserToken, served } from '../support/contract';

const platform = useTestPlatform();
let admin: string;
let plain: string;
let positionId: string;
let role: { id: string; name: string; code: string };

beforeAll(async () => {
  admin = await hrToken(platform.app, 'admin', 'Admin123456');
  plain = await plainUserToken(platform.app);
  const position = await call(platform.app, 'POST', '/api/positions', {
    token: admin,
    body: { name: '高级开发工程师', code: 'senior_developer', level: 3, department: '技术部' },
  });
  positionId = position.body.data.id;
  const roles = await call(platform.app, 'GET', '/api/roles?page_size=100', { token: admin });
  role = roles.body.data.items.find((r: { code: string }) => r.code === 'sales');
});

const employee = (username: string) => ({
  username,
  email: `${username}@example.com`,
  password: 'Password123',
  full_name: '张三',
  position_id: positionId,
  role_id: role.id,
  status: 'active',
});

async function count(search: string) {
  return (await call(platform.app, 'GET', `/api/employees?search=${search}`, { token: admin })).body.data.total as number;
}

describe('POST /api/employees', () => {
  it('creates (201) and answers the documented employee', async () => {
    const res = await call(platform.app, 'POST', '/api/employees', { token: admin, body: employee('zhangsan') });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(
      hrOk({
        id: expect.any(String),
        username: 'zhangsan',
        email: 'zhangsan@example.com',
        full_name: '张三',
        position: { id: positionId, name: '高级开发工程师' },
        role: { id: role.id, name: role.name },
        status: 'active',
        created_at: expect.stringMatching(ISO_UTC),
      }),
    );
  });

  it('a taken username is 409 RESOURCE_002', async () => {
    const res = await call(platform.app, 'POST', '/api/employees', { token: admin, body: { ...employee('zhangsan'), email: 'other@example.com' } });
    expect(res.status).toBe(409);
    expect(res.body).toEqual(hrError('RESOURCE_002'));
  });

  it('an invalid e-mail is 422 naming email, and creates nothing', async () => {
    const res = await call(platform.app, 'POST', '/api/employees', { token: admin, body: { ...employee('lisi'), email: 'not-an-email' } });
    expect(res.status).toBe(422);
    expect(res.body).toEqual(hrError('VALID_001', { field: 'email', reason: 'INVALID' }));
    expect(await count('lisi')).toBe(0);
  });

  it('without employees:create is 403 AUTH_003; anonymous is 401 AUTH_001', async () => {
    expect(await call(platform.app, 'POST', '/api/employees', { token: plain, body: employee('wangwu') })).toMatchObject({
      status: 403,
      body: hrError('AUTH_003'),
    });
    expect(await call(platform.app, 'POST', '/api/employees', { body: employee('wangwu') })).toMatchObject({
      status: 401,
      body: hrError('AUTH_001'),
    });
    expect(await count('wangwu')).toBe(0);
  });
});

describe('GET /api/employees', () => {
  it('answers the documented page', async () => {
    const res = await call(platform.app, 'GET', '/api/employees?search=zhangsan&page=1&page_size=20&sort_by=username&sort_order=asc', {
      token: admin,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk({
        items: [
          {
            id: expect.any(String),
            username: 'zhangsan',
            email: 'zhangsan@example.com',
            full_name: '张三',
            position: { id: positionId, name: '高级开发工程师', level: 3 },
            role: { id: role.id, name: role.name, code: 'sales' },
            status: 'active',
            created_at: expect.stringMatching(ISO_UTC),
            last_login: null,
          },
        ],
        total: 1,
        page: 1,
        page_size: 20,
        pages: 1,
      }),
    );
  });

  it('filters by position and status', async () => {
    const res = await call(platform.app, 'GET', `/api/employees?position_id=${positionId}&status=inactive`, { token: admin });
    expect(res.body.data.total).toBe(0);
  });

  it('page_size over 100 is 422; a plain user is 403', async () => {
    expect(await call(platform.app, 'GET', '/api/employees?page_size=101', { token: admin })).toMatchObject({
      status: 422,
      body: hrError('VALID_001', { field: 'page_size', reason: 'INVALID' }),
    });
    expect(await call(platform.app, 'GET', '/api/employees', { token: plain })).toMatchObject({ status: 403, body: hrError('AUTH_003') });
  });
});

describe('GET/PUT/DELETE /api/employees/{id} and actions', () => {
  let id: string;
  beforeAll(async () => {
    id = (await call(platform.app, 'POST', '/api/employees', { token: admin, body: employee('zhaoliu') })).body.data.id;
  });

  it('GET answers the documented detail', async () => {
    const res = await call(platform.app, 'GET', `/api/employees/${id}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk(
        served('GET /api/employees/{id}', {
          id,
          username: 'zhaoliu',
          email: 'zhaoliu@example.com',
          full_name: '张三',
          position: { id: positionId, name: '高级开发工程师', code: 'senior_developer', level: 3, department: '技术部' },
          role: { id: role.id, name: role.name, code: 'sales', permissions: expect.any(Array) },
          status: 'active',
          created_at: expect.stringMatching(ISO_UTC),
          updated_at: expect.stringMatching(ISO_UTC),
          last_login: null,
          work_logs_count: 0,
          avg_self_rating: null,
          avg_supervisor_rating: null,
        }),
      ),
    );
  });

  it('GET of an id that names nothing is 404 RESOURCE_001, whatever its form', async () => {
    for (const unknown of ['999999', 'abc', '550e8400-e29b-41d4-a716-446655440000']) {
      expect(await call(platform.app, 'GET', `/api/employees/${unknown}`, { token: admin })).toMatchObject({
        status: 404,
        body: hrError('RESOURCE_001'),
      });
    }
  });

  it('PUT changes only what is sent and answers the detail', async () => {
    const res = await call(platform.app, 'PUT', `/api/employees/${id}`, { token: admin, body: { full_name: '张三丰', email: 'zhangsan.new@example.com' } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id, full_name: '张三丰', email: 'zhangsan.new@example.com', status: 'active' });
    expect(res.body.data.position.id).toBe(positionId);
  });

  it('PUT with a bad status is 422 and changes nothing; unknown id is 404', async () => {
    const bad = await call(platform.app, 'PUT', `/api/employees/${id}`, { token: admin, body: { full_name: 'X', status: 'sleeping' } });
    expect(bad).toMatchObject({ status: 422, body: hrError('VALID_001', { field: 'status', reason: 'INVALID' }) });
    expect((await call(platform.app, 'GET', `/api/employees/${id}`, { token: admin })).body.data.full_name).toBe('张三丰');
    expect(await call(platform.app, 'PUT', '/api/employees/999999', { token: admin, body: { full_name: 'X' } })).toMatchObject({
      status: 404,
      body: hrError('RESOURCE_001'),
    });
  });

  it('POST reset-password sets a password the employee can sign in with', async () => {
    const res = await call(platform.app, 'POST', `/api/employees/${id}/reset-password`, { token: admin, body: { new_password: 'NewPassword123' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(hrOk(null));
    expect(await hrToken(platform.app, 'zhaoliu', 'NewPassword123')).toEqual(expect.any(String));
    expect(await call(platform.app, 'POST', `/api/employees/${id}/reset-password`, { token: admin, body: {} })).toMatchObject({
      status: 422,
      body: hrError('VALID_001', { field: 'new_password', reason: 'REQUIRED' }),
    });
  });

  it('POST batch deactivates and reports per id', async () => {
    const res = await call(platform.app, 'POST', '/api/employees/batch', {
      token: admin,
      body: { action: 'deactivate', employee_ids: [id, '999999'] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk({ action: 'deactivate', succeeded: [id], failed: [{ id: '999999', code: 'RESOURCE_001', message: expect.any(String) }] }),
    );
    expect((await call(platform.app, 'GET', `/api/employees/${id}`, { token: admin })).body.data.status).toBe('inactive');
    expect(await call(platform.app, 'POST', '/api/employees/batch', { token: admin, body: { action: 'explode', employee_ids: [id] } })).toMatchObject({
      status: 422,
      body: hrError('VALID_001', { field: 'action', reason: 'INVALID' }),
    });
  });

  it('PUT on an account holding more than the caller (the * admin) is 403 AUTH_003 and changes nothing', async () => {
    const permissions = ['employees:view', 'employees:update', 'worklogs:view', 'worklogs:create', 'worklogs:update'];
    const hrRole = (await call(platform.app, 'POST', '/api/roles', { token: admin, body: { code: 'hr_limited', name: 'HR 专员', permissions } })).body.data;
    await call(platform.app, 'POST', '/api/employees', { token: admin, body: { ...employee('hr_limited'), role_id: hrRole.id } });
    const hr = await hrToken(platform.app, 'hr_limited', 'Password123');
    const adminRow = (await call(platform.app, 'GET', '/api/employees?search=admin@', { token: admin })).body.data.items.find(
      (e: { username: string }) => e.username === 'admin',
    );
    const before = (await call(platform.app, 'GET', `/api/employees/${adminRow.id}`, { token: admin })).body.data;
    const res = await call(platform.app, 'PUT', `/api/employees/${adminRow.id}`, { token: hr, body: { full_name: '被接管', status: 'inactive' } });
    expect(res).toMatchObject({ status: 403, body: hrError('AUTH_003', { reason: 'ACCOUNT_OUTRANKS_CALLER' }) });
    expect((await call(platform.app, 'GET', `/api/employees/${adminRow.id}`, { token: admin })).body.data).toEqual(before);
  });

  it('DELETE is 204 with no body, then 404; a plain user is 403', async () => {
    expect(await call(platform.app, 'DELETE', `/api/employees/${id}`, { token: plain })).toMatchObject({ status: 403, body: hrError('AUTH_003') });
    const res = await platform.app.inject({ method: 'DELETE', url: `/api/employees/${id}`, headers: { authorization: `Bearer ${admin}` } });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await call(platform.app, 'GET', `/api/employees/${id}`, { token: admin })).toMatchObject({ status: 404 });
    expect(await call(platform.app, 'DELETE', `/api/employees/${id}`, { token: admin })).toMatchObject({ status: 404, body: hrError('RESOURCE_001') });
  });
});
