import { useTestPlatform } from '../support/platform';
import { call, ccoAdminToken } from '../support/contract';

/** CCO collector app § 1 (sign-in) through the whole platform: adapter → router → identity (+ collections for the profile). */
const platform = useTestPlatform();
let tenantadmin: string;

const error = (code: number) => ({ code, message: expect.any(String), data: null });
const PASSWORD = '123456';

const login = (loginId: string, deviceId: string, extra: Record<string, unknown> = {}) =>
  call(platform.app, 'POST', '/api/v1/im/auth/login', {
    body: { loginId, password: PASSWORD, device_type: 'mobile', device_id: deviceId, device_model: 'iPhone 13', os_version: 'iOS 16.0', app_version: '1.0.0', ...extra },
  });

const me = (token: string) => call(platform.app, 'GET', '/api/v1/im/auth/me', { token });

/** The account's signed-in app devices, as the admin console sees them (identity's userDevices). */
async function devicesOf(loginId: string): Promise<string[]> {
  const run = async (query: string, variables: Record<string, unknown>) => {
    const res = await platform.platform.router.executor.execute({ query, variables, headers: { authorization: `Bearer ${tenantadmin}` } });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as Record<string, never>;
  };
  const users = await run('query($s: String) { users(filter: { search: $s }) { items { id username } } }', { s: loginId });
  const user = (users.users as { items: { id: string; username: string }[] }).items.find((u) => u.username === loginId)!;
  const devices = await run('query($id: ID!) { userDevices(userId: $id) { deviceId } }', { id: user.id });
  return (devices.userDevices as { deviceId: string }[]).map((d) => d.deviceId).sort();
}

let agencyId: number;
let teamId: number;
let collectorId: number;

beforeAll(async () => {
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  const agency = await call(platform.app, 'POST', '/api/v1/agencies', {
    token: tenantadmin,
    body: { agency_code: 'AGENCY_001', agency_name: '催收机构1', timezone: 8, agency_type: 'real', is_active: true },
  });
  agencyId = agency.body.data.id;
  const team = await call(platform.app, 'POST', '/api/v1/teams', {
    token: tenantadmin,
    body: { agency_id: agencyId, team_code: 'TEAM_M1', team_name: 'M1催收小组', max_case_count: 5000, is_active: true },
  });
  teamId = team.body.data.id;
  for (const [n, code] of [['001', 'COL_001'], ['002', 'COL_002'], ['003', 'COL_003']]) {
    const created = await call(platform.app, 'POST', '/api/v1/collectors', {
      token: tenantadmin,
      body: {
        agency_id: agencyId,
        team_id: teamId,
        collector_code: code,
        collector_name: n === '001' ? '王小明' : `催员${n}`,
        login_id: `collector${n}`,
        password: PASSWORD,
        mobile: '+63-917-123-4567',
        email: `collector${n}@example.com`,
        collector_level: '高级',
        max_case_count: 150,
        status: 'active',
        is_active: true,
      },
    });
    if (created.status !== 200) throw new Error(JSON.stringify(created.body));
    if (n === '001') collectorId = created.body.data.id;
  }
});

describe('POST /api/v1/im/auth/login and GET /api/v1/im/auth/me', () => {
  it('login answers the documented body with the collector’s profile and a refresh token; me answers the profile and today', async () => {
    const res = await login('collector001', 'DEVICE_A1');
    const user = {
      id: collectorId,
      collector_code: 'COL_001',
      collector_name: '王小明',
      login_id: 'collector001',
      mobile: '+63-917-123-4567',
      email: 'collector001@example.com',
      avatar_url: null,
      team_id: teamId,
      team_name: 'M1催收小组',
      agency_name: '催收机构1',
      collector_level: '高级',
      max_case_count: 150,
      current_case_count: 0,
      status: 'active',
    };
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '登录成功',
      data: { token: expect.any(String), refresh_token: expect.any(String), expires_in: 86400, user, permissions: expect.any(Array) },
    });
    const mine = await me(res.body.data.token);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ code: 200, message: 'success', data: { ...user, today_statistics: { contact_count: 0, ptp_count: 0, collected_amount: 0 } } });
  });

  it('a missing loginId, password or device_id is 400 naming it, and signs nothing in', async () => {
    const before = await devicesOf('collector001');
    for (const field of ['loginId', 'password', 'device_id']) {
      const body: Record<string, unknown> = { loginId: 'collector001', password: PASSWORD, device_id: 'DEVICE_NEW' };
      delete body[field];
      const res = await call(platform.app, 'POST', '/api/v1/im/auth/login', { body });
      expect(res).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining(field) } });
    }
    expect(await devicesOf('collector001')).toEqual(before);
  });

  it('an account that is not a collector (an administrator) is 403 and signs nothing in; its token is 403 on me', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/im/auth/login', { body: { loginId: 'tenantadmin', password: 'admin123', device_id: 'DEVICE_ADMIN' } });
    expect(res).toMatchObject({ status: 403, body: { code: 403, message: '禁止访问（权限不足）', data: null } });
    expect(await devicesOf('tenantadmin')).toEqual([]);
    expect(await me(tenantadmin)).toMatchObject({ status: 403, body: error(403) });
  });

  it('a wrong password is 401 用户名或密码错误; after 5 failures a minute the login is 429 even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await call(platform.app, 'POST', '/api/v1/im/auth/login', { body: { loginId: 'collector003', password: 'wrong-pass', device_id: 'D' } })).toMatchObject({
        status: 401,
        body: { code: 401, message: '用户名或密码错误', data: null },
      });
    }
    const locked = await login('collector003', 'D');
    expect(locked).toMatchObject({ status: 429, body: error(429) });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await devicesOf('collector003')).toEqual([]);
  });

  it('one GraphQL operation signs in and reads the collections profile; the router keeps the issued-token extension to itself', async () => {
    const res = await platform.platform.router.executor.execute({
      query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken user { collectorProfile { collectorCode } } } }',
      variables: { i: { login: 'collector001', password: PASSWORD, channel: 'APP', audience: 'COLLECTOR_APP', device: { deviceId: 'DEVICE_GQL' } } },
      headers: {},
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ login: { accessToken: expect.any(String), user: { collectorProfile: { collectorCode: 'COL_001' } } } });
    expect(res.extensions?.signedInToken).toBeUndefined();
    await call(platform.app, 'POST', '/api/v1/im/auth/logout', { token: (res.data as { login: { accessToken: string } }).login.accessToken });
  });

  it('me without a token is 401 {code, message, data:null}', async () => {
    expect(await call(platform.app, 'GET', '/api/v1/im/auth/me')).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('device slots', () => {
  const tokens: Record<string, string> = {};

  it('3 devices sign in; a 4th is 409 listing them and changes nothing', async () => {
    for (const d of ['D1', 'D2', 'D3']) {
      const res = await login('collector002', d);
      expect(res.status).toBe(200);
      tokens[d] = res.body.data.token;
    }
    const fourth = await login('collector002', 'D4', { device_model: 'Pixel 8' });
    expect(fourth.status).toBe(409);
    expect(fourth.body).toEqual({
      code: 409,
      message: '登录设备已达上限（最多3台）',
      data: {
        max_devices: 3,
        devices: ['D1', 'D2', 'D3'].map((d) => ({
          session_id: expect.any(Number),
          device_id: d,
          device_name: null,
          device_model: 'iPhone 13',
          last_login_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
          last_active_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
        })),
      },
    });
    expect(await devicesOf('collector002')).toEqual(['D1', 'D2', 'D3']);
    for (const d of ['D1', 'D2', 'D3']) expect((await me(tokens[d])).status).toBe(200);
  });

  it('force: true signs the oldest device out: its token is 401 on me, the others keep working', async () => {
    const res = await login('collector002', 'D4', { force: true });
    expect(res.status).toBe(200);
    tokens.D4 = res.body.data.token;
    expect(await devicesOf('collector002')).toEqual(['D2', 'D3', 'D4']);
    expect(await me(tokens.D1)).toMatchObject({ status: 401, body: error(401) });
    for (const d of ['D2', 'D3', 'D4']) expect((await me(tokens[d])).status).toBe(200);
  });

  it('the same device again reuses its slot (no 409); its previous token stops working', async () => {
    const again = await login('collector002', 'D3');
    expect(again.status).toBe(200);
    expect(await devicesOf('collector002')).toEqual(['D2', 'D3', 'D4']);
    expect((await me(tokens.D3)).status).toBe(401);
    expect((await me(again.body.data.token)).status).toBe(200);
    tokens.D3 = again.body.data.token;
  });

  it('logout signs this device out only: 登出成功, its token 401, the other devices still signed in', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/im/auth/logout', { token: tokens.D4 });
    expect(res).toEqual({ status: 200, body: { code: 200, message: '登出成功' }, headers: expect.any(Object) });
    expect(await me(tokens.D4)).toMatchObject({ status: 401, body: error(401) });
    expect(await devicesOf('collector002')).toEqual(['D2', 'D3']);
    expect((await me(tokens.D2)).status).toBe(200);
    expect(await call(platform.app, 'POST', '/api/v1/im/auth/logout')).toMatchObject({ status: 401, body: error(401) });
  });
});

describe('POST /api/v1/im/auth/refresh', () => {
  it('rotates: a new token and refresh_token; the used refresh token is 401 and signs that device out', async () => {
    const signedIn = (await login('collector001', 'DEVICE_R')).body.data;
    const res = await call(platform.app, 'POST', '/api/v1/im/auth/refresh', { body: { refresh_token: signedIn.refresh_token } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: 'success', data: { token: expect.any(String), refresh_token: expect.any(String), expires_in: 86400 } });
    expect(res.body.data.refresh_token).not.toBe(signedIn.refresh_token);
    expect((await me(res.body.data.token)).body.data).toMatchObject({ login_id: 'collector001', collector_code: 'COL_001' });

    const reused = await call(platform.app, 'POST', '/api/v1/im/auth/refresh', { body: { refresh_token: signedIn.refresh_token } });
    expect(reused).toMatchObject({ status: 401, body: error(401) });
    expect((await me(res.body.data.token)).status).toBe(401);
    expect(await devicesOf('collector001')).not.toContain('DEVICE_R');
  });

  it('a missing refresh_token is 400 naming it; an unknown one is 401', async () => {
    expect(await call(platform.app, 'POST', '/api/v1/im/auth/refresh', { body: {} })).toMatchObject({
      status: 400,
      body: { ...error(400), message: expect.stringContaining('refresh_token') },
    });
    expect(await call(platform.app, 'POST', '/api/v1/im/auth/refresh', { body: { refresh_token: 'not-a-token' } })).toMatchObject({ status: 401, body: error(401) });
  });
});
