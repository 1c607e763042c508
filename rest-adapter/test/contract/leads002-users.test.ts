import { useTestPlatform } from '../support/platform';
import { call, JSON_DATE } from '../support/contract';

// This file signs kefu01 in more than 004's 5 attempts a minute; the limit itself is tested in unit/framework.
const platform = useTestPlatform();
let admin: string;

async function login002(username: string, password: string) {
  return call(platform.app, 'POST', '/api/users/login', { body: { username, password } });
}

beforeAll(async () => {
  admin = (await login002('admin', 'Admin123456')).body.data.token;
});

const userShape = (fields: Record<string, unknown>) => ({
  id: expect.any(Number),
  username: expect.any(String),
  nickname: expect.anything(),
  role: expect.any(String),
  created_at: expect.stringMatching(JSON_DATE),
  updated_at: expect.stringMatching(JSON_DATE),
  ...fields,
});

describe('POST /api/users/register', () => {
  it('registers anonymously as role user', async () => {
    const res = await call(platform.app, 'POST', '/api/users/register', { body: { username: 'kefu01', password: '123456', nickname: '客服1' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 0, message: '注册成功', data: { id: expect.any(Number), username: 'kefu01' } });
  });

  it('an admin may choose the role', async () => {
    const res = await call(platform.app, 'POST', '/api/users/register', {
      token: admin,
      body: { username: 'sales01', password: '123456', nickname: '销售1', role: 'sales' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.username).toBe('sales01');
  });

  it('choosing a role without an admin token is 403, and registers nobody', async () => {
    const res = await call(platform.app, 'POST', '/api/users/register', { body: { username: 'sneaky', password: '123456', role: 'admin' } });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 403, message: expect.any(String) });
    expect((await login002('sneaky', '123456')).status).toBe(401);
  });

  it('a missing password is 400 用户名和密码必填; a taken name is 409', async () => {
    expect(await call(platform.app, 'POST', '/api/users/register', { body: { username: 'nopass' } })).toMatchObject({
      status: 400,
      body: { code: 400, message: '用户名和密码必填' },
    });
    expect(await call(platform.app, 'POST', '/api/users/register', { body: { username: 'kefu01', password: '123456' } })).toMatchObject({
      status: 409,
      body: { code: 409, message: '用户名已存在' },
    });
  });
});

describe('POST /api/users/login', () => {
  it('answers {token, user}', async () => {
    const res = await login002('kefu01', '123456');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 0,
      message: '登录成功',
      data: { token: expect.any(String), user: { id: expect.any(Number), username: 'kefu01', nickname: '客服1', role: 'user' } },
    });
  });

  it('missing fields are 400 用户名和密码必填; a wrong password is 401', async () => {
    expect(await call(platform.app, 'POST', '/api/users/login', { body: { username: 'kefu01' } })).toMatchObject({
      status: 400,
      body: { code: 400, message: '用户名和密码必填' },
    });
    expect(await login002('kefu01', 'wrong-one')).toMatchObject({ status: 401, body: { code: 401, message: '用户名或密码错误' } });
  });
});

describe('user management (admin only)', () => {
  let kefuToken: string;
  let kefuId: number;
  beforeAll(async () => {
    const login = await login002('kefu01', '123456');
    kefuToken = login.body.data.token;
    kefuId = login.body.data.user.id;
  });

  it('GET /api/users lists every user without passwords', async () => {
    const res = await call(platform.app, 'GET', '/api/users', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 0, data: expect.any(Array) });
    expect(res.body.data).toContainEqual(userShape({ id: kefuId, username: 'kefu01', nickname: '客服1', role: 'user' }));
    expect(res.body.data.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['admin', 'kefu01', 'sales01']));
  });

  it('GET /api/users/sales lists only sales', async () => {
    const res = await call(platform.app, 'GET', '/api/users/sales', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 0, data: [userShape({ username: 'sales01', nickname: '销售1', role: 'sales' })] });
  });

  it('GET /api/users/sales is open to every signed-in user of the tenant (service staff pick a sales user)', async () => {
    await call(platform.app, 'POST', '/api/users/register', {
      token: admin,
      body: { username: 'kefu02', password: '123456', nickname: '客服2', role: 'service' },
    });
    const service = (await login002('kefu02', '123456')).body.data.token;
    const expected = { code: 0, data: [userShape({ username: 'sales01', nickname: '销售1', role: 'sales' })] };
    for (const token of [service, kefuToken]) {
      expect(await call(platform.app, 'GET', '/api/users/sales', { token })).toMatchObject({ status: 200, body: expected });
    }
    expect(await call(platform.app, 'GET', '/api/users/sales')).toMatchObject({ status: 401, body: { code: 401, message: '未携带有效token' } });
    // The rest of user management stays with admins.
    expect(await call(platform.app, 'GET', '/api/users', { token: service })).toMatchObject({ status: 403, body: { code: 403, message: '权限不足' } });
  });

  it('without a token is 401 未携带有效token; a bad token 401 token无效或已过期; a plain user 403', async () => {
    expect(await call(platform.app, 'GET', '/api/users')).toMatchObject({ status: 401, body: { code: 401, message: '未携带有效token' } });
    expect(await call(platform.app, 'GET', '/api/users', { token: 'garbage' })).toMatchObject({
      status: 401,
      body: { code: 401, message: 'token无效或已过期' },
    });
    expect(await call(platform.app, 'GET', '/api/users', { token: kefuToken })).toMatchObject({ status: 403, body: { code: 403, message: '权限不足' } });
  });

  it('GET /api/users/{id} answers the user; unknown is 404 用户不存在; a non-integer id is 400', async () => {
    expect(await call(platform.app, 'GET', `/api/users/${kefuId}`, { token: admin })).toEqual(
      expect.objectContaining({ status: 200, body: { code: 0, data: userShape({ id: kefuId, username: 'kefu01', nickname: '客服1', role: 'user' }) } }),
    );
    expect(await call(platform.app, 'GET', '/api/users/999999', { token: admin })).toMatchObject({ status: 404, body: { code: 404, message: '用户不存在' } });
    expect(await call(platform.app, 'GET', '/api/users/abc', { token: admin })).toMatchObject({ status: 400, body: { code: 400, message: expect.any(String) } });
  });

  it('PUT /api/users/{id} changes only what is sent', async () => {
    const res = await call(platform.app, 'PUT', `/api/users/${kefuId}`, { token: admin, body: { nickname: '新昵称', role: 'service' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 0, message: '修改成功' });
    const after = await call(platform.app, 'GET', `/api/users/${kefuId}`, { token: admin });
    expect(after.body.data).toMatchObject({ nickname: '新昵称', role: 'service' });
    expect(await call(platform.app, 'PUT', '/api/users/999999', { token: admin, body: { nickname: 'x' } })).toMatchObject({
      status: 404,
      body: { code: 404, message: '用户不存在' },
    });
  });

  it('PUT with a wrong type is 400 naming the field, and changes nothing', async () => {
    const res = await call(platform.app, 'PUT', `/api/users/${kefuId}`, { token: admin, body: { nickname: 42 } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 400, message: expect.stringContaining('nickname') });
    expect((await call(platform.app, 'GET', `/api/users/${kefuId}`, { token: admin })).body.data.nickname).toBe('新昵称');
  });

  it('PUT with a new password lets the user sign in with it', async () => {
    await call(platform.app, 'PUT', `/api/users/${kefuId}`, { token: admin, body: { password: 'newpass1' } });
    expect((await login002('kefu01', 'newpass1')).status).toBe(200);
  });

  it('DELETE /api/users/{id} of an account holding more than the caller (the * admin) is 403 权限不足, and deletes nothing', async () => {
    // 002 has no role endpoints: the limited user-manager role is made through 004's, as a tenant admin would.
    const permissions = ['users:view', 'users:delete', 'worklogs:view', 'worklogs:create', 'worklogs:update'];
    await call(platform.app, 'POST', '/api/roles', { token: admin, body: { code: 'user_manager', name: '用户管理员', permissions } });
    await call(platform.app, 'POST', '/api/users/register', { token: admin, body: { username: 'manager01', password: '123456', role: 'user_manager' } });
    const manager = (await login002('manager01', '123456')).body.data.token;
    const adminId = (await login002('admin', 'Admin123456')).body.data.user.id;
    expect(await call(platform.app, 'DELETE', `/api/users/${adminId}`, { token: manager })).toEqual(
      expect.objectContaining({ status: 403, body: { code: 403, message: '权限不足' } }),
    );
    expect(await call(platform.app, 'GET', `/api/users/${adminId}`, { token: admin })).toMatchObject({ status: 200, body: { data: { username: 'admin' } } });
    expect((await login002('admin', 'Admin123456')).status).toBe(200);
  });

  it('DELETE /api/users/{id} answers 删除成功, then 404', async () => {
    // A password change signs the user out everywhere, so they sign in again first.
    const fresh = (await login002('kefu01', 'newpass1')).body.data.token;
    expect(await call(platform.app, 'DELETE', `/api/users/${kefuId}`, { token: fresh })).toMatchObject({ status: 403 });
    expect(await call(platform.app, 'DELETE', `/api/users/${kefuId}`, { token: admin })).toMatchObject({ status: 200, body: { code: 0, message: '删除成功' } });
    expect(await call(platform.app, 'DELETE', `/api/users/${kefuId}`, { token: admin })).toMatchObject({ status: 404, body: { code: 404, message: '用户不存在' } });
    expect((await login002('kefu01', 'newpass1')).status).toBe(401);
  });
});
