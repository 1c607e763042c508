import { useTestPlatform } from '../support/platform';
import { call, hrError, hrOk, hrToken } from '../support/contract';

const platform = useTestPlatform();

describe('POST /api/auth/login', () => {
  it('answers the documented tokens', async () => {
    const res = await call(platform.app, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'Admin123456' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk({ access_token: expect.any(String), refresh_token: expect.any(String), token_type: 'bearer', expires_in: 7200 }),
    );
    expect(res.headers['x-request-id']).toBe(res.body.request_id);
  });

  it('a wrong password is 401 AUTH_002', async () => {
    const res = await call(platform.app, 'POST', '/api/auth/login', { body: { username: 'tenantadmin', password: 'nope-nope' } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(hrError('AUTH_002'));
  });

  it('a missing password is 422 VALID_001 naming it', async () => {
    const res = await call(platform.app, 'POST', '/api/auth/login', { body: { username: 'admin' } });
    expect(res.status).toBe(422);
    expect(res.body).toEqual(hrError('VALID_001', { field: 'password', reason: 'REQUIRED' }));
  });
});

describe('POST /api/auth/refresh', () => {
  it('rotates: the new pair works, the old refresh token is refused (AUTH_001)', async () => {
    const login = await call(platform.app, 'POST', '/api/auth/login', { body: { username: 'superadmin', password: '123456' } });
    const refreshToken = login.body.data.refresh_token;
    const first = await call(platform.app, 'POST', '/api/auth/refresh', { body: { refresh_token: refreshToken } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual(
      hrOk({ access_token: expect.any(String), refresh_token: expect.any(String), token_type: 'bearer', expires_in: 7200 }),
    );
    expect(first.body.data.refresh_token).not.toBe(refreshToken);
    const reused = await call(platform.app, 'POST', '/api/auth/refresh', { body: { refresh_token: refreshToken } });
    expect(reused.status).toBe(401);
    expect(reused.body).toEqual(hrError('AUTH_001'));
  });

  it('a missing refresh_token is 422', async () => {
    const res = await call(platform.app, 'POST', '/api/auth/refresh', { body: {} });
    expect(res.status).toBe(422);
    expect(res.body.error.details.field).toBe('refresh_token');
  });
});

describe('GET /api/auth/me', () => {
  it('answers the documented user', async () => {
    const token = await hrToken(platform.app, 'admin', 'Admin123456');
    const res = await call(platform.app, 'GET', '/api/auth/me', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk({
        id: expect.any(String),
        username: 'admin',
        email: 'admin@example.com',
        full_name: '系统管理员',
        position: null,
        role: { id: expect.any(String), name: expect.any(String), code: 'admin' },
        permissions: expect.any(Array),
      }),
    );
  });

  it('without a token is 401 AUTH_001; with a bad one too', async () => {
    expect(await call(platform.app, 'GET', '/api/auth/me')).toMatchObject({ status: 401, body: hrError('AUTH_001') });
    expect(await call(platform.app, 'GET', '/api/auth/me', { token: 'not-a-jwt' })).toMatchObject({ status: 401, body: hrError('AUTH_001') });
  });
});
