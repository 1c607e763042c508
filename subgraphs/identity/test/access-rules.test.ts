import { errorOf, LOGIN, platformEm, startIdentity, type Harness } from './support/harness';
import { ADMIN, createAccount, SUPER_ADMIN, TENANT_ADMIN, unique } from './support/fixtures';
import { Session, User } from '../src';

let h: Harness;
let adminToken: string;
let superToken: string;
beforeAll(async () => {
  h = await startIdentity();
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
  superToken = (await h.login(SUPER_ADMIN.login, SUPER_ADMIN.password)).accessToken;
});
afterAll(() => h.close());

const CREATE_ROLE = `mutation($i: RoleInput!) { createRole(input: $i) { id code } }`;
const UPDATE_ROLE = `mutation($id: ID!, $p: [String!]) { updateRole(id: $id, input: { permissions: $p }) { id } }`;
const SET_ROLE = `mutation($id: ID!, $r: String) { updateUser(id: $id, input: { roleCode: $r }) { role { code } } }`;
const CREATE_WITH_ROLE = `mutation($u: String!, $r: String) { createUser(input: { username: $u, password: "secret123", roleCode: $r }) { id } }`;
const roleOf = async (id: string) => (await h.data(`query($id: ID!) { user(id: $id) { role { code } } }`, { id }, adminToken)).user.role.code;

/** A signed-in account of a fresh role holding exactly `permissions` (besides menu grants: none). */
async function holderOf(permissions: string[]) {
  const code = unique('r');
  await h.data(CREATE_ROLE, { i: { code, name: code, permissions } }, adminToken);
  const account = await createAccount(h, adminToken, { roleCode: code });
  return { ...account, roleCode: code, token: (await h.login(account.username, account.password)).accessToken };
}

describe('role assignment: no escalation', () => {
  const HR = ['users:view', 'users:create', 'users:update', 'roles:view', 'roles:create', 'roles:update', 'worklogs:view', 'worklogs:create', 'worklogs:update'];
  let hr: Awaited<ReturnType<typeof holderOf>>;
  beforeAll(async () => {
    hr = await holderOf(HR);
  });

  it('a holder of users:create assigns roles within their own permissions only', async () => {
    expect((await h.data(CREATE_WITH_ROLE, { u: unique('s'), r: 'sales' }, hr.token)).createUser.id).toMatch(/^\d+$/);
    for (const role of ['admin', 'TenantAdmin']) {
      const username = unique('x');
      const refused = await h.exec(CREATE_WITH_ROLE, { u: username, r: role }, hr.token);
      expect(errorOf(refused)).toMatchObject({ code: 'FORBIDDEN', reason: 'PERMISSION_ESCALATION' });
      expect(await platformEm(h).count(User, { username })).toBe(0);
    }
  });

  it('a holder of users:update cannot give anyone a role holding more than they do', async () => {
    const target = await createAccount(h, adminToken, { roleCode: 'sales' });
    expect(errorOf(await h.exec(SET_ROLE, { id: target.id, r: 'admin' }, hr.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'PERMISSION_ESCALATION' });
    expect(await roleOf(target.id)).toBe('sales');
    expect((await h.data(SET_ROLE, { id: target.id, r: 'service' }, hr.token)).updateUser.role.code).toBe('service');
  });

  it('no one changes their own role, not even a holder of *; naming the role one has is no change', async () => {
    expect(errorOf(await h.exec(SET_ROLE, { id: hr.id, r: 'admin' }, hr.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_ROLE' });
    expect(errorOf(await h.exec(SET_ROLE, { id: hr.id, r: 'user' }, hr.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_ROLE' });
    const adminId = (await h.data(`{ me { id } }`, {}, adminToken)).me.id;
    expect(errorOf(await h.exec(SET_ROLE, { id: adminId, r: 'TenantAdmin' }, adminToken))).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_ROLE' });
    expect((await h.data(SET_ROLE, { id: adminId, r: 'admin' }, adminToken)).updateUser.role.code).toBe('admin');
    expect(await roleOf(hr.id)).toBe(hr.roleCode);
  });

  it('a holder of * assigns any role of the tenant', async () => {
    const target = await createAccount(h, adminToken, { roleCode: 'sales' });
    expect((await h.data(SET_ROLE, { id: target.id, r: 'TenantAdmin' }, adminToken)).updateUser.role.code).toBe('TenantAdmin');
  });

  it('roles: no one creates or edits a role granting codes they do not hold', async () => {
    for (const permissions of [['users:delete'], ['*']]) {
      const code = unique('r');
      expect(errorOf(await h.exec(CREATE_ROLE, { i: { code, name: code, permissions } }, hr.token))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'PERMISSION_ESCALATION',
      });
    }
    const role = (await h.data(CREATE_ROLE, { i: { code: unique('r'), name: 'Viewer', permissions: ['employees:view'] } }, hr.token)).createRole;
    expect(errorOf(await h.exec(UPDATE_ROLE, { id: role.id, p: ['users:view', 'users:delete'] }, hr.token)).reason).toBe('PERMISSION_ESCALATION');
    expect((await h.data(UPDATE_ROLE, { id: role.id, p: ['users:view', 'users:update'] }, hr.token)).updateRole.id).toBe(role.id);
  });

  it('roles: menu grants count too (assignPermissions)', async () => {
    const grantor = await holderOf([...HR, 'permissions:assign', 'roles:update']);
    const role = (await h.data(CREATE_ROLE, { i: { code: unique('r'), name: 'G' } }, adminToken)).createRole;
    const employees = (await h.data(`{ menus { id code } }`, {}, adminToken)).menus.find((m: { code: string }) => m.code === 'employees').id;
    const ASSIGN = `mutation($id: ID!, $m: ID!, $a: [String!]!) { assignPermissions(roleId: $id, grants: [{ menuId: $m, actions: $a }]) { permissions } }`;
    expect(errorOf(await h.exec(ASSIGN, { id: role.id, m: employees, a: ['view', 'delete'] }, grantor.token))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PERMISSION_ESCALATION',
    });
    const granted = (await h.data(ASSIGN, { id: role.id, m: employees, a: ['view'] }, grantor.token)).assignPermissions;
    expect(granted.permissions).toEqual(['employees:view']);
  });

  it('SuperAdmin: only the platform super admin creates or assigns a role of that code', async () => {
    expect(errorOf(await h.exec(CREATE_ROLE, { i: { code: 'SuperAdmin', name: 'Fake' } }, adminToken))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'SUPER_ADMIN_ONLY',
    });
    const demo = (await h.data(`{ me { tenantId } }`, {}, adminToken)).me.tenantId;
    await h.data(CREATE_ROLE, { i: { code: 'SuperAdmin', name: 'Tenant copy', tenantId: demo } }, superToken);
    const target = await createAccount(h, adminToken, { roleCode: 'sales' });
    expect(errorOf(await h.exec(SET_ROLE, { id: target.id, r: 'SuperAdmin' }, adminToken))).toMatchObject({ code: 'FORBIDDEN', reason: 'SUPER_ADMIN_ONLY' });
    expect((await h.data(SET_ROLE, { id: target.id, r: 'SuperAdmin' }, superToken)).updateUser.role.code).toBe('SuperAdmin');
  });
});

describe('admin console sign-in (audience ADMIN_CONSOLE)', () => {
  const consoleLogin = (login: string, password: string) => h.exec(LOGIN, { input: { login, password, audience: 'ADMIN_CONSOLE' } });

  it('lets SuperAdmin, TenantAdmin and admin in', async () => {
    for (const { login, password } of [SUPER_ADMIN, TENANT_ADMIN, ADMIN]) {
      const result = await consoleLogin(login, password);
      expect(result.errors).toBeUndefined();
    }
  });

  it('refuses a collector with FORBIDDEN NOT_ADMIN_CONSOLE_ACCOUNT and opens no session; a wrong password stays INVALID_CREDENTIALS', async () => {
    const collector = await createAccount(h, adminToken, { roleCode: 'collector' });
    expect(errorOf(await consoleLogin(collector.username, collector.password))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_ADMIN_CONSOLE_ACCOUNT',
    });
    expect(await platformEm(h).count(Session, { userId: Number(collector.id) })).toBe(0);
    expect(errorOf(await consoleLogin(collector.username, 'wrong-pass')).code).toBe('INVALID_CREDENTIALS');
    // The same account signs in to everything else.
    expect((await h.login(collector.username, collector.password)).user.username).toBe(collector.username);
  });

  it('a role without * opens the console with admin-console:access', async () => {
    const supervisor = await holderOf(['admin-console:access', 'users:view']);
    expect((await consoleLogin(supervisor.username, supervisor.password)).errors).toBeUndefined();
    const sales = await holderOf(['users:view']);
    expect(errorOf(await consoleLogin(sales.username, sales.password)).reason).toBe('NOT_ADMIN_CONSOLE_ACCOUNT');
  });
});

describe('collector app sign-in (audience COLLECTOR_APP)', () => {
  const appLogin = (login: string, password: string, deviceId = 'DEVICE_1') =>
    h.exec(LOGIN, { input: { login, password, channel: 'APP', audience: 'COLLECTOR_APP', device: { deviceId } } });
  const ME = `{ me(audience: COLLECTOR_APP) { username } }`;

  it('lets collectors and team leaders in; me with the audience answers them', async () => {
    for (const roleCode of ['collector', 'TeamLeader']) {
      const account = await createAccount(h, adminToken, { roleCode });
      const result = await appLogin(account.username, account.password);
      expect(result.errors).toBeUndefined();
      const token = (result.data as { login: { accessToken: string } }).login.accessToken;
      expect((await h.data(ME, {}, token)).me.username).toBe(account.username);
    }
  });

  it('refuses administrators (holders of *), SPVs and others with FORBIDDEN NOT_COLLECTOR_APP_ACCOUNT and opens no session', async () => {
    for (const { login, password } of [TENANT_ADMIN, ADMIN]) {
      expect(errorOf(await appLogin(login, password))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_COLLECTOR_APP_ACCOUNT' });
    }
    const spv = await createAccount(h, adminToken, { roleCode: 'SPV' });
    expect(errorOf(await appLogin(spv.username, spv.password)).reason).toBe('NOT_COLLECTOR_APP_ACCOUNT');
    expect(await platformEm(h).count(Session, { userId: Number(spv.id) })).toBe(0);
    expect(errorOf(await h.exec(ME, {}, adminToken))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_COLLECTOR_APP_ACCOUNT' });
  });
});

describe('salesUsers (002: service staff pick a sales user)', () => {
  const SALES = `{ salesUsers(pageSize: 100) { total items { id username nickname roleCode createdAt updatedAt } } }`;

  it('any signed-in user of the tenant lists the tenant’s sales users, summaries only', async () => {
    const service = await createAccount(h, adminToken, { roleCode: 'service' });
    const sales = await createAccount(h, adminToken, { roleCode: 'sales' });
    const tenant = (await h.data(`mutation($c: String!) { createTenant(input: { code: $c, name: "Other" }) { id } }`, { c: unique('T') }, superToken))
      .createTenant;
    const foreign = await createAccount(h, superToken, { tenantId: tenant.id, roleCode: 'sales' });

    const token = (await h.login(service.username, service.password)).accessToken;
    const page = (await h.data(SALES, {}, token)).salesUsers;
    const expected = (await h.data(`{ users(pageSize: 100, filter: { roleCode: "sales" }) { items { username } } }`, {}, adminToken)).users.items
      .map((u: { username: string }) => u.username)
      .sort();
    expect(page.items.map((u: { username: string }) => u.username).sort()).toEqual(expected);
    expect(page.total).toBe(expected.length);
    expect(page.items).toContainEqual({
      id: sales.id,
      username: sales.username,
      nickname: null,
      roleCode: 'sales',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(page.items.map((u: { username: string }) => u.username)).not.toContain(foreign.username);
  });

  it('offers no other user field (no e-mail, permissions…) and refuses anonymous callers', async () => {
    const collector = await createAccount(h, adminToken, { roleCode: 'collector' });
    const token = (await h.login(collector.username, collector.password)).accessToken;
    expect((await h.data(SALES, {}, token)).salesUsers.total).toBeGreaterThan(0);
    expect(errorOf(await h.exec(`{ salesUsers { items { email } } }`, {}, token)).message).toMatch(/Cannot query field "email" on type "UserSummary"/);
    expect(errorOf(await h.exec(SALES)).code).toBe('UNAUTHENTICATED');
  });
});
