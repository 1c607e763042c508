import type { FastifyInstance } from 'fastify';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { call } from '../support/contract';

let platform: TestPlatform;
let app: FastifyInstance;

beforeAll(async () => {
  platform = await startTestPlatform();
  app = platform.adapter.app;
});
afterAll(() => platform.close());

async function adminLogin(loginId: string, password: string) {
  return call(app, 'POST', '/api/v1/admin/auth/login', { body: { loginId, password } });
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
    const res = await call(app, 'POST', '/api/v1/admin/auth/login', { body: { password: '123456' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: expect.stringContaining('loginId'), data: null });
  });

  it('GET me answers {id, loginId, role, permissions}', async () => {
    const token = (await adminLogin('superadmin', '123456')).body.data.token;
    const res = await call(app, 'GET', '/api/v1/admin/auth/me', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: { id: expect.any(Number), loginId: 'superadmin', role: 'SuperAdmin', permissions: ['*'] },
    });
    const tenantAdmin = (await adminLogin('tenantadmin', 'admin123')).body.data.token;
    const other = await call(app, 'GET', '/api/v1/admin/auth/me', { token: tenantAdmin });
    expect(other.body.data).toMatchObject({ loginId: 'tenantadmin', role: 'TenantAdmin' });
  });

  it('GET me without a token is 401 {code, message, data:null}', async () => {
    expect(await call(app, 'GET', '/api/v1/admin/auth/me')).toMatchObject({
      status: 401,
      body: { code: 401, message: expect.any(String), data: null },
    });
  });

  it('POST logout answers 登出成功 and the token is refused afterwards', async () => {
    const token = (await adminLogin('tenantadmin', 'admin123')).body.data.token;
    const res = await call(app, 'POST', '/api/v1/admin/auth/logout', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '登出成功' });
    expect(await call(app, 'GET', '/api/v1/admin/auth/me', { token })).toMatchObject({ status: 401 });
    expect(await call(app, 'POST', '/api/v1/admin/auth/logout')).toMatchObject({ status: 401, body: { code: 401, data: null } });
  });
});
