import { RATE_LIMIT_DEFAULTS } from '@platform/kit';
import { User } from '../src';
import { ADMIN, CREATE_USER, SUPER_ADMIN, unique } from './support/fixtures';
import { errorOf, LOGIN, platformEm, startIdentity, type Harness } from './support/harness';

// Issue 6, items 4, 5, 6 and 11, through identity's GraphQL.
let h: Harness;
let adminToken: string;
let superToken: string;
beforeAll(async () => {
  h = await startIdentity();
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
  superToken = (await h.login(SUPER_ADMIN.login, SUPER_ADMIN.password)).accessToken;
}, 30_000);
afterAll(() => h.close());

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { id username } }`;
const RESET = `mutation($id: ID!, $p: String!) { resetPassword(id: $id, newPassword: $p) }`;
const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`;
const CREATE_TENANT = `mutation($input: TenantInput!) { createTenant(input: $input) { id name passwordMinLength } }`;
const userCount = async () => platformEm(h).count(User, {}, { filters: false });
const login = (loginId: string, password: string, address = '198.51.100.1') =>
  h.exec(LOGIN, { input: { login: loginId, password } }, undefined, { 'x-forwarded-for': address });

describe('a NUL byte in a string is BAD_USER_INPUT naming the field, never a database error', () => {
  it.each([
    ['login', LOGIN, { input: { login: 'ad\u0000min', password: 'x' } }, 'input.login'],
    ['register', REGISTER, { input: { username: unique('nul'), password: 'secret1', nickname: 'a\u0000b' } }, 'input.nickname'],
  ])('%s', async (_, query, variables, field) => {
    const before = await userCount();
    const result = await h.exec(query, variables);
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).not.toMatch(/SQLITE|sql/i);
    expect(await userCount()).toBe(before);
  });
});

describe('one password policy: reset-password accepted 100,000 characters that login then refused', () => {
  const huge = 'x'.repeat(100_000);

  it('reset, update, create and register all refuse more than login accepts (256), changing nothing', async () => {
    const target = (await h.data(CREATE_USER, { input: { username: unique('pw'), password: 'secret1' } }, adminToken)).createUser;
    expect(errorOf(await h.exec(RESET, { id: target.id, p: huge }, adminToken))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(errorOf(await h.exec(UPDATE, { id: target.id, input: { password: huge } }, adminToken))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const before = await userCount();
    expect(errorOf(await h.exec(CREATE_USER, { input: { username: unique('pw'), password: huge } }, adminToken))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errorOf(await h.exec(REGISTER, { input: { username: unique('pw'), password: huge } }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await userCount()).toBe(before);
    expect(errorOf(await login(target.username, 'secret1', '198.51.100.9'))).toEqual({});
  });

  it("every path holds the tenant's own minimum", async () => {
    const tenant = (await h.data(CREATE_TENANT, { input: { code: unique('PW').slice(0, 30), name: 'Strict', passwordMinLength: 12 } }, superToken)).createTenant;
    expect(tenant.passwordMinLength).toBe(12);
    const short = { username: unique('pw'), password: 'short-pw1', tenantId: tenant.id };
    expect(errorOf(await h.exec(CREATE_USER, { input: short }, superToken))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const user = (await h.data(CREATE_USER, { input: { ...short, password: 'long-enough-pw' } }, superToken)).createUser;
    expect(errorOf(await h.exec(RESET, { id: user.id, p: 'short-pw1' }, superToken))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(errorOf(await h.exec(UPDATE, { id: user.id, input: { password: 'short-pw1' } }, superToken))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });
});

describe('GraphQL login had no rate limit', () => {
  it('after 5 wrong passwords the 6th attempt is RATE_LIMITED, even with the right password', async () => {
    const account = (await h.data(CREATE_USER, { input: { username: unique('rl'), password: 'secret1' } }, adminToken)).createUser;
    for (let i = 0; i < 5; i++) expect(errorOf(await login(account.username, 'wrong')).code).toBe('INVALID_CREDENTIALS');
    const blocked = await login(account.username, 'secret1');
    expect(errorOf(blocked).code).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0]?.extensions?.retryAfterSeconds).toEqual(expect.any(Number));
    // Counted per (login id, address): in another case spelling it is the same login id; another address is not held back.
    expect(errorOf(await login(account.username.toUpperCase(), 'secret1')).code).toBe('RATE_LIMITED');
    expect(errorOf(await login(account.username, 'secret1', '198.51.100.2'))).toEqual({});
  });

  it('a successful sign-in ends the run of failures', async () => {
    const account = (await h.data(CREATE_USER, { input: { username: unique('rl'), password: 'secret1' } }, adminToken)).createUser;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) await login(account.username, 'wrong', '198.51.100.3');
      expect(errorOf(await login(account.username, 'secret1', '198.51.100.3'))).toEqual({});
    }
  });

  it('refresh with bad tokens and registration are limited per address', async () => {
    const refresh = (address: string) =>
      h.exec(`mutation { refreshToken(refreshToken: "forged") { accessToken } }`, {}, undefined, { 'x-forwarded-for': address });
    for (let i = 0; i < 30; i++) expect(errorOf(await refresh('198.51.100.4')).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await refresh('198.51.100.4')).code).toBe('RATE_LIMITED');
    const register = () =>
      h.exec(REGISTER, { input: { username: unique('rg'), password: 'secret1' } }, undefined, { 'x-forwarded-for': '198.51.100.5' });
    for (let i = 0; i < RATE_LIMIT_DEFAULTS.register.points; i++) expect(errorOf(await register())).toEqual({});
    expect(errorOf(await register()).code).toBe('RATE_LIMITED');
  });
});

describe('login ids were case-sensitive on SQLite: Admin and admin could both be registered', () => {
  it('a login id differing only in case is taken, and signs in whatever the case', async () => {
    const before = await userCount();
    expect(errorOf(await h.exec(REGISTER, { input: { username: 'Admin', password: 'secret1' } }))).toMatchObject({ code: 'CONFLICT', field: 'username' });
    expect(errorOf(await h.exec(CREATE_USER, { input: { username: 'ADMIN', password: 'secret1' } }, adminToken))).toMatchObject({ code: 'CONFLICT' });
    expect(await userCount()).toBe(before);
    expect(errorOf(await login('ADMIN', ADMIN.password, '198.51.100.6'))).toEqual({});
  });
});

describe('names made only of spaces were accepted', () => {
  it('is BAD_USER_INPUT naming the field; surrounding spaces are trimmed off', async () => {
    expect(errorOf(await h.exec(CREATE_TENANT, { input: { code: unique('SP').slice(0, 30), name: '   ' } }, superToken))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'name',
    });
    const blankName = { username: unique('sp'), password: 'secret1', fullName: ' \t ' };
    expect(errorOf(await h.exec(CREATE_USER, { input: blankName }, adminToken))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fullName' });
    const tenant = (await h.data(CREATE_TENANT, { input: { code: unique('SP').slice(0, 30), name: '  Acme  ' } }, superToken)).createTenant;
    expect(tenant.name).toBe('Acme');
  });
});
