import { useTestPlatform } from '../support/platform';
import { call } from '../support/contract';

const platform = useTestPlatform();

async function adminLogin(loginId: string, password: string) {
  return call(platform.app, 'POST', '/api/v1/admin/auth/login', { body: { loginId, password } });
}

describe('CCO admin auth', () => {
  it('POST login answers the documented body (SuperAdmin)', async () => {
    const res = await adminLogin('superadmin', '123456');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '登录成功',
      data: {
        token: expect.any(String),
        user: { id: expect.any(Number), loginId: 'superadmin', username: 'superadmin', role: 'SuperAdmin', email: null, name: expect.any(String) },
      },
    });
  });

  it('POST login: a wrong password is 401; a missing loginId is 400 naming it', async () => {
    expect(await adminLogin('tenantadmin', 'wrong-pass')).toMatchObject({
      status: 401,
      body: { code: 401, message: '用户名或密码错误', data: null },
    });
    const res = await call(platform.app, 'POST', '/api/v1/admin/auth/login', { body: { password: '123456' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: expect.stringContaining('loginId'), data: null });
  });

  it('POST login refuses accounts that are not for the admin console (a collector) with the 403 body', async () => {
    const admin = (await adminLogin('tenantadmin', 'admin123')).body.data.token;
    const created = await platform.platform.router.executor.execute({
      query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      variables: { i: { username: 'collector001', password: 'secret123', roleCode: 'collector' } },
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(created.errors).toBeUndefined();
    expect(await adminLogin('collector001', 'secret123')).toMatchObject({
      status: 403,
      body: { code: 403, message: '禁止访问（权限不足）', data: null },
    });
    // A wrong password is still the plain 401, whoever the account is.
    expect(await adminLogin('collector001', 'wrong-pass')).toMatchObject({ status: 401, body: { code: 401, message: '用户名或密码错误' } });
  });

  it('GET me answers {id, loginId, role, permissions}', async () => {
    const token = (await adminLogin('superadmin', '123456')).body.data.token;
    const res = await call(platform.app, 'GET', '/api/v1/admin/auth/me', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: { id: expect.any(Number), loginId: 'superadmin', role: 'SuperAdmin', permissions: ['*'] },
    });
    const tenantAdmin = (await adminLogin('tenantadmin', 'admin123')).body.data.token;
    const other = await call(platform.app, 'GET', '/api/v1/admin/auth/me', { token: tenantAdmin });
    expect(other.body.data).toMatchObject({ loginId: 'tenantadmin', role: 'TenantAdmin' });
  });

  it('GET me without a token is 401 {code, message, data:null}', async () => {
    expect(await call(platform.app, 'GET', '/api/v1/admin/auth/me')).toMatchObject({
      status: 401,
      body: { code: 401, message: expect.any(String), data: null },
    });
  });

  it('POST logout answers 登出成功 and the token is refused afterwards', async () => {
    const token = (await adminLogin('tenantadmin', 'admin123')).body.data.token;
    const res = await call(platform.app, 'POST', '/api/v1/admin/auth/logout', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '登出成功' });
    expect(await call(platform.app, 'GET', '/api/v1/admin/auth/me', { token })).toMatchObject({ status: 401 });
    expect(await call(platform.app, 'POST', '/api/v1/admin/auth/logout')).toMatchObject({ status: 401, body: { code: 401, data: null } });
  });
});
