import { useTestPlatform } from '../support/platform';
import { call } from '../support/contract';

const platform = useTestPlatform();

describe('POST /api/v1/auth/login', () => {
  it('answers {code:200, message:"登录成功", data:{token, user}}', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/auth/login', { body: { email: 'admin@example.com', password: 'Admin123456' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '登录成功',
      data: {
        token: expect.any(String),
        user: { id: expect.any(String), username: 'admin', email: 'admin@example.com', name: '系统管理员', role: 'admin', tenant_code: 'DEMO' },
      },
    });
  });

  it('the token works on the other contracts (all issue the same kind of token)', async () => {
    const login = await call(platform.app, 'POST', '/api/v1/auth/login', { body: { email: 'admin@example.com', password: 'Admin123456' } });
    const me = await call(platform.app, 'GET', '/api/auth/me', { token: login.body.data.token });
    expect(me.status).toBe(200);
    expect(me.body.data.username).toBe('admin');
  });

  it('a wrong password is 401 {code, message, data:null}', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/auth/login', { body: { email: 'admin@example.com', password: 'wrong-pass' } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 401, message: expect.any(String), data: null });
  });

  it('a malformed e-mail or a missing password is 400 naming the field', async () => {
    const bad = await call(platform.app, 'POST', '/api/v1/auth/login', { body: { email: 'not-an-email', password: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ code: 400, message: expect.stringContaining('email'), data: null });
    const missing = await call(platform.app, 'POST', '/api/v1/auth/login', { body: { email: 'admin@example.com' } });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ code: 400, message: expect.stringContaining('password'), data: null });
  });
});
