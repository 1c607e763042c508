import { useTestPlatform } from '../support/platform';
import { call, hrError, hrOk, hrToken, ISO_UTC, plainUserToken } from '../support/contract';

const platform = useTestPlatform();
let admin: string;
let plain: string;

beforeAll(async () => {
  admin = await hrToken(platform.app, 'admin', 'Admin123456');
  plain = await plainUserToken(platform.app);
});

const roleShape = (fields: Record<string, unknown>) => ({
  id: expect.any(String),
  code: expect.any(String),
  name: expect.any(String),
  description: null,
  permissions: [],
  user_count: 0,
  created_at: expect.stringMatching(ISO_UTC),
  updated_at: expect.stringMatching(ISO_UTC),
  ...fields,
});

describe('/api/roles', () => {
  let roleId: string;

  it('POST creates (201) and answers the role', async () => {
    const res = await call(platform.app, 'POST', '/api/roles', { token: admin, body: { code: 'developer', name: '开发人员', description: '研发' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(hrOk(roleShape({ code: 'developer', name: '开发人员', description: '研发' })));
    roleId = res.body.data.id;
  });

  it('POST: a taken code is 409; a bad permission code is 422 and creates nothing; a plain user is 403', async () => {
    expect(await call(platform.app, 'POST', '/api/roles', { token: admin, body: { code: 'developer', name: 'Dup' } })).toMatchObject({
      status: 409,
      body: hrError('RESOURCE_002'),
    });
    expect(await call(platform.app, 'POST', '/api/roles', { token: admin, body: { code: 'qa', name: 'QA', permissions: ['everything'] } })).toMatchObject({
      status: 422,
      body: hrError('VALID_001', { field: 'permissions.0', reason: 'INVALID' }),
    });
    expect(await call(platform.app, 'POST', '/api/roles', { token: plain, body: { code: 'x', name: 'x' } })).toMatchObject({ status: 403, body: hrError('AUTH_003') });
    const list = await call(platform.app, 'GET', '/api/roles?search=qa', { token: admin });
    expect(list.body.data.items.map((r: { code: string }) => r.code)).not.toContain('qa');
  });

  it('GET answers the 004 page of roles', async () => {
    const res = await call(platform.app, 'GET', '/api/roles?search=developer', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(hrOk({ items: [roleShape({ id: roleId, code: 'developer', name: '开发人员', description: '研发' })], total: 1, page: 1, page_size: 20, pages: 1 }));
    expect(await call(platform.app, 'GET', '/api/roles', { token: plain })).toMatchObject({ status: 403, body: hrError('AUTH_003') });
  });

  it('GET {id} answers the role; unknown is 404', async () => {
    const res = await call(platform.app, 'GET', `/api/roles/${roleId}`, { token: admin });
    expect(res.body).toEqual(hrOk(roleShape({ id: roleId, code: 'developer', name: '开发人员', description: '研发' })));
    expect(await call(platform.app, 'GET', '/api/roles/999999', { token: admin })).toMatchObject({ status: 404, body: hrError('RESOURCE_001') });
  });

  it('PUT updates and answers the role; unknown is 404', async () => {
    const res = await call(platform.app, 'PUT', `/api/roles/${roleId}`, { token: admin, body: { name: '开发工程师', permissions: ['positions:view'] } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: roleId, name: '开发工程师', permissions: expect.arrayContaining(['positions:view']) });
    expect(await call(platform.app, 'PUT', '/api/roles/999999', { token: admin, body: { name: 'X' } })).toMatchObject({ status: 404 });
  });

  it('DELETE: held by a user is 400 BUSINESS_001; otherwise 204 then 404', async () => {
    await call(platform.app, 'POST', '/api/employees', { token: admin, body: { username: 'dev1', password: 'Password123', role_id: roleId } });
    expect(await call(platform.app, 'DELETE', `/api/roles/${roleId}`, { token: admin })).toMatchObject({ status: 400, body: hrError('BUSINESS_001') });
    const temp = (await call(platform.app, 'POST', '/api/roles', { token: admin, body: { code: 'temp', name: 'Temp' } })).body.data.id;
    const res = await platform.app.inject({ method: 'DELETE', url: `/api/roles/${temp}`, headers: { authorization: `Bearer ${admin}` } });
    expect(res.statusCode).toBe(204);
    expect(await call(platform.app, 'GET', `/api/roles/${temp}`, { token: admin })).toMatchObject({ status: 404 });
  });
});

describe('/api/permissions', () => {
  it('assign grants menu actions that become permission codes the endpoints require', async () => {
    const role = (await call(platform.app, 'POST', '/api/roles', { token: admin, body: { code: 'hr_viewer', name: 'HR 查看' } })).body.data;
    const menus = (await call(platform.app, 'GET', '/api/menus', { token: admin })).body.data.items;
    const employees = menus.find((m: { code: string }) => m.code === 'employees');
    const res = await call(platform.app, 'POST', '/api/permissions/assign', {
      token: admin,
      body: { role_id: role.id, permissions: [{ menu_id: employees.id, actions: ['view'] }] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk({
        role_id: role.id,
        role: { id: role.id, name: 'HR 查看', code: 'hr_viewer' },
        permissions: [{ menu_id: employees.id, menu_code: 'employees', menu_name: employees.name, actions: ['view'] }],
        permission_codes: expect.arrayContaining(['employees:view']),
      }),
    );
    const read = await call(platform.app, 'GET', `/api/permissions/role/${role.id}`, { token: admin });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body.data ? hrOk(res.body.data) : undefined);

    await call(platform.app, 'POST', '/api/employees', { token: admin, body: { username: 'viewer1', password: 'Password123', role_id: role.id } });
    const viewer = await hrToken(platform.app, 'viewer1', 'Password123');
    expect((await call(platform.app, 'GET', '/api/employees', { token: viewer })).status).toBe(200);
    expect(await call(platform.app, 'POST', '/api/employees', { token: viewer, body: { username: 'nope', password: 'Password123' } })).toMatchObject({
      status: 403,
      body: hrError('AUTH_003'),
    });
  });

  it('assign: a malformed grant is 422 naming it and changes nothing; unknown role is 404; a plain user is 403', async () => {
    const role = (await call(platform.app, 'POST', '/api/roles', { token: admin, body: { code: 'empty_role', name: 'Empty' } })).body.data;
    expect(await call(platform.app, 'POST', '/api/permissions/assign', { token: admin, body: { role_id: role.id, permissions: [{ actions: ['view'] }] } })).toMatchObject({
      status: 422,
      body: hrError('VALID_001', { field: 'permissions.0.menu_id', reason: 'REQUIRED' }),
    });
    expect((await call(platform.app, 'GET', `/api/permissions/role/${role.id}`, { token: admin })).body.data.permissions).toEqual([]);
    expect(await call(platform.app, 'GET', '/api/permissions/role/999999', { token: admin })).toMatchObject({ status: 404, body: hrError('RESOURCE_001') });
    expect(await call(platform.app, 'POST', '/api/permissions/assign', { token: plain, body: { role_id: role.id, permissions: [] } })).toMatchObject({
      status: 403,
      body: hrError('AUTH_003'),
    });
  });
});
