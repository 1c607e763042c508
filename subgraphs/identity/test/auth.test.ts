import { Session } from '../src';
import { errorOf, LOGIN, platformEm, startIdentity, type Harness } from './support/harness';
import { ADMIN, createAccount, ME, SUPER_ADMIN, unique } from './support/fixtures';

let h: Harness;
let adminToken: string;
beforeAll(async () => {
  h = await startIdentity();
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
});
afterAll(() => h.close());

const REFRESH = /* GraphQL */ `
  mutation Refresh($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken tokenType expiresIn user { username } } }
`;
const LOGOUT = /* GraphQL */ `mutation { logout }`;
const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) { id username nickname fullName status tenant { code } role { code } }
  }
`;
const userCount = () => platformEm(h).getConnection().execute('select count(*) as n from user').then((r) => Number(r[0].n));

describe('login', () => {
  it('accepts the username and answers a 2 h bearer token carrying the caller', async () => {
    const result = await h.data(
      `mutation($input: LoginInput!) { login(input: $input) {
         tokenType expiresIn refreshExpiresIn refreshToken accessToken
         user { username email fullName tenant { code } role { code } permissions lastLoginAt } } }`,
      { input: { login: 'admin', password: 'Admin123456' } },
    );
    expect(result.login).toMatchObject({
      tokenType: 'bearer',
      expiresIn: 7200,
      refreshExpiresIn: 7 * 24 * 3600,
      user: { username: 'admin', email: 'admin@example.com', tenant: { code: 'DEMO' }, role: { code: 'admin' } },
    });
    // A tenant's admin holds everything in the tenant (its token says `*`) but is shown its codes: `*` is the platform's.
    expect(result.login.user.permissions).toEqual(expect.arrayContaining(['employees:create', 'users:delete']));
    expect(result.login.user.permissions).not.toContain('*');
    expect(result.login.user.lastLoginAt).toEqual(expect.any(String));
    expect(result.login.refreshToken).not.toContain('eyJ'); // opaque, not a JWT
    const caller = h.runtime.services.signer.verifyAccess(result.login.accessToken);
    expect(caller).toMatchObject({ username: 'admin', roles: ['admin'], permissions: ['*'], scope: 'tenant' });
    expect(caller.tenantId).toMatch(/^\d+$/);
  });

  it('accepts the e-mail, in any case', async () => {
    const payload = await h.login('ADMIN@example.com', 'Admin123456');
    expect(payload.user.username).toBe('admin');
  });

  it('gives the collector app (APP) a 24 h access token', async () => {
    const payload = await h.login('admin', 'Admin123456', 'APP');
    expect(payload.expiresIn).toBe(86400);
  });

  it('signs the super admin in at platform scope with every permission and no tenant', async () => {
    const payload = await h.login(SUPER_ADMIN.login, SUPER_ADMIN.password);
    expect(h.runtime.services.signer.verifyAccess(payload.accessToken)).toMatchObject({
      tenantId: null,
      scope: 'platform',
      permissions: ['*'],
      roles: ['SuperAdmin'],
    });
  });

  it('refuses a wrong password and an unknown login alike with INVALID_CREDENTIALS', async () => {
    const wrong = await h.exec(LOGIN, { input: { login: 'admin', password: 'nope-nope' } });
    const unknown = await h.exec(LOGIN, { input: { login: 'nobody-here', password: 'Admin123456' } });
    expect(errorOf(wrong).code).toBe('INVALID_CREDENTIALS');
    expect(errorOf(unknown)).toEqual(errorOf(wrong));
    expect(wrong.data).toBeNull();
  });

  it('refuses an inactive account with FORBIDDEN ACCOUNT_INACTIVE (after the password matched)', async () => {
    const account = await createAccount(h, adminToken, { status: 'inactive' });
    const result = await h.exec(LOGIN, { input: { login: account.username, password: account.password } });
    expect(errorOf(result)).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_INACTIVE' });
    const wrong = await h.exec(LOGIN, { input: { login: account.username, password: 'wrong-password' } });
    expect(errorOf(wrong).code).toBe('INVALID_CREDENTIALS');
  });

  it('names the field of a malformed login with BAD_USER_INPUT', async () => {
    const result = await h.exec(LOGIN, { input: { login: '', password: 'x' } });
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'login' });
  });
});

describe('me and mySessions', () => {
  it('answers the signed-in account', async () => {
    expect((await h.data(ME, {}, adminToken)).me).toMatchObject({ username: 'admin', role: { code: 'admin' } });
  });

  it('refuses anonymous callers and invalid tokens with UNAUTHENTICATED', async () => {
    expect(errorOf(await h.exec(ME)).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await h.exec(ME, {}, 'not-a-token')).code).toBe('UNAUTHENTICATED');
  });

  it('lists the caller’s live sessions with their device', async () => {
    const account = await createAccount(h, adminToken, {});
    const web = await h.login(account.username, account.password);
    await h.data(
      `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { login: account.username, password: account.password, channel: 'APP', device: { deviceId: 'dev-1', deviceName: 'Pixel' } } },
    );
    const sessions = (await h.data(`{ mySessions { id channel deviceId deviceName createdAt lastSeenAt } }`, {}, web.accessToken))
      .mySessions;
    expect(sessions).toHaveLength(2);
    expect(sessions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'WEB', deviceId: null }),
        expect.objectContaining({ channel: 'APP', deviceId: 'dev-1', deviceName: 'Pixel' }),
      ]),
    );
    await h.data(LOGOUT, {}, web.accessToken);
  });
});

describe('refresh tokens', () => {
  it('rotate: each refresh answers a new refresh token and a working access token', async () => {
    const first = await h.login('admin', 'Admin123456');
    const second = (await h.data(REFRESH, { t: first.refreshToken })).refreshToken;
    expect(second).toMatchObject({ tokenType: 'bearer', expiresIn: 7200, user: { username: 'admin' } });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = (await h.data(REFRESH, { t: second.refreshToken })).refreshToken;
    expect((await h.data(ME, {}, third.accessToken)).me.username).toBe('admin');
  });

  it('store only a hash of the current refresh token', async () => {
    const payload = await h.login('admin', 'Admin123456');
    const [family, secret] = payload.refreshToken.split('.');
    const session = await platformEm(h).findOneOrFail(Session, { family });
    expect(session.refreshHash).not.toContain(secret);
    expect(JSON.stringify(session)).not.toContain(secret);
  });

  it('reuse of an old one revokes the session: UNAUTHENTICATED REFRESH_TOKEN_REUSED, then nothing works', async () => {
    const login = await h.login('admin', 'Admin123456');
    const rotated = (await h.data(REFRESH, { t: login.refreshToken })).refreshToken;

    const reuse = await h.exec(REFRESH, { t: login.refreshToken });
    expect(errorOf(reuse)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REFRESH_TOKEN_REUSED' });

    expect(errorOf(await h.exec(REFRESH, { t: rotated.refreshToken }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await h.exec(ME, {}, rotated.accessToken))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect(errorOf(await h.exec(ME, {}, login.accessToken))).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Other sessions of the same account are untouched.
    expect((await h.data(ME, {}, adminToken)).me.username).toBe('admin');
  });

  it('of two concurrent refreshes with one token, exactly one wins and the session ends', async () => {
    const login = await h.login('admin', 'Admin123456');
    const results = await Promise.all([h.exec(REFRESH, { t: login.refreshToken }), h.exec(REFRESH, { t: login.refreshToken })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(errorOf(results.find((r) => r.errors)!).reason).toBe('REFRESH_TOKEN_REUSED');
  });

  it('refuses garbage with UNAUTHENTICATED', async () => {
    expect(errorOf(await h.exec(REFRESH, { t: 'garbage' })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await h.exec(REFRESH, { t: `${'0'.repeat(32)}.${'a'.repeat(43)}` })).code).toBe('UNAUTHENTICATED');
  });
});

describe('logout', () => {
  it('revokes the session: its access token and refresh token are refused afterwards', async () => {
    const login = await h.login('admin', 'Admin123456');
    expect((await h.data(LOGOUT, {}, login.accessToken)).logout).toBe(true);
    expect(errorOf(await h.exec(ME, {}, login.accessToken))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect(errorOf(await h.exec(REFRESH, { t: login.refreshToken })).code).toBe('UNAUTHENTICATED');
    expect(await h.runtime.services.revocations.isRevoked(h.runtime.services.signer.verifyAccess(login.accessToken).sessionId)).toBe(true);
  });

  it('needs a signed-in caller', async () => {
    expect(errorOf(await h.exec(LOGOUT)).code).toBe('UNAUTHENTICATED');
  });
});

describe('register (002)', () => {
  it('creates an anonymous sign-up with role user in the default tenant DEMO', async () => {
    const username = unique('reg');
    const user = (await h.data(REGISTER, { input: { username, password: 'secret1', nickname: 'Nick' } })).register;
    expect(user).toMatchObject({ username, nickname: 'Nick', fullName: 'Nick', status: 'active', tenant: { code: 'DEMO' }, role: { code: 'user' } });
    expect((await h.login(username, 'secret1')).user.username).toBe(username);
  });

  it('answers CONFLICT on a taken username and creates nothing', async () => {
    const before = await userCount();
    const result = await h.exec(REGISTER, { input: { username: 'admin', password: 'secret1' } });
    expect(errorOf(result)).toMatchObject({ code: 'CONFLICT', field: 'username' });
    expect(await userCount()).toBe(before);
  });

  it('refuses a role chosen without an admin token (FORBIDDEN) and creates nothing', async () => {
    const before = await userCount();
    const result = await h.exec(REGISTER, { input: { username: unique('reg'), password: 'secret1', role: 'admin' } });
    expect(errorOf(result)).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NEEDS_ADMIN' });
    expect(await userCount()).toBe(before);
  });

  it('lets an admin choose the role', async () => {
    const user = (await h.data(REGISTER, { input: { username: unique('reg'), password: 'secret1', role: 'sales' } }, adminToken)).register;
    expect(user.role.code).toBe('sales');
  });

  it('refuses a short password with BAD_USER_INPUT naming it', async () => {
    const result = await h.exec(REGISTER, { input: { username: unique('reg'), password: '123' } });
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });
});
