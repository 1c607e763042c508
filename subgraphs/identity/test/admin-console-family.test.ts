import { ADMIN, createAccount, ME, SUPER_ADMIN, TENANT_ADMIN, unique } from './support/fixtures';
import { errorOf, startIdentity, type Harness } from './support/harness';

// Issue 5 item 11 and issue 6 item 11, identity's part of the CCO admin console family.
let h: Harness;
let adminToken: string;
let superToken: string;
let tenantAdminToken: string;
let otherTenantId: string;
beforeAll(async () => {
  h = await startIdentity();
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
  superToken = (await h.login(SUPER_ADMIN.login, SUPER_ADMIN.password)).accessToken;
  tenantAdminToken = (await h.login(TENANT_ADMIN.login, TENANT_ADMIN.password)).accessToken;
  const created = await h.data(`mutation($i: TenantInput!) { createTenant(input: $i) { id } }`, { i: { code: unique('OT').slice(0, 30), name: 'Other' } }, superToken);
  otherTenantId = created.createTenant.id;
}, 30_000);
afterAll(() => h.close());

const CONSOLE_ME = `{ me(audience: ADMIN_CONSOLE) { username } }`;

test('a TenantAdmin’s me answered permissions ["*"]: "*" is the super admin’s alone, a TenantAdmin lists its codes', async () => {
  const tenantAdmin = (await h.data(ME, {}, tenantAdminToken)).me;
  expect(tenantAdmin.permissions).not.toContain('*');
  expect(tenantAdmin.permissions).toEqual(expect.arrayContaining(['employees:create', 'users:create', 'roles:update']));
  expect((await h.data(ME, {}, superToken)).me.permissions).toEqual(['*']);
});

test('the admin console’s me accepted the token of an account the console login refuses', async () => {
  const collector = await createAccount(h, adminToken, { roleCode: 'collector' });
  const token = (await h.login(collector.username, collector.password)).accessToken;
  expect((await h.data(`{ me { username } }`, {}, token)).me.username).toBe(collector.username);
  expect(errorOf(await h.exec(CONSOLE_ME, {}, token))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ADMIN_CONSOLE_ACCOUNT' });
  expect((await h.data(CONSOLE_ME, {}, tenantAdminToken)).me.username).toBe('tenantadmin');
});

test('a TenantAdmin issuing API credentials for another tenant got 404 while updating it got 403: every write is 403', async () => {
  const writes = [
    [`mutation($t: ID!) { issueApiCredential(tenantId: $t) { apiSecret } }`, { t: otherTenantId }],
    [`mutation($t: ID!) { revokeApiCredential(tenantId: $t, id: "1") }`, { t: otherTenantId }],
    [`mutation($t: ID!) { updateTenant(id: $t, input: { name: "Mine now" }) { id } }`, { t: otherTenantId }],
    // A tenant id that does not exist answers the same: the refusal tells nothing about which tenants exist.
    [`mutation { issueApiCredential(tenantId: "999999") { apiSecret } }`, {}],
  ] as const;
  for (const [query, variables] of writes) expect(errorOf(await h.exec(query, variables, tenantAdminToken)).code).toBe('FORBIDDEN');
  const listed = await h.data(`query($t: ID!) { apiCredentials(tenantId: $t) { id } }`, { t: otherTenantId }, superToken);
  expect(listed.apiCredentials).toEqual([]);
});

test('userDevices listed the devices of an account that outranks the caller', async () => {
  const code = unique('r');
  await h.data(`mutation($i: RoleInput!) { createRole(input: $i) { id } }`, { i: { code, name: code, permissions: ['users:view'] } }, adminToken);
  const viewer = await createAccount(h, adminToken, { roleCode: code });
  const viewerToken = (await h.login(viewer.username, viewer.password)).accessToken;
  const adminId = (await h.data(`{ me { id } }`, {}, adminToken)).me.id;
  const peer = await createAccount(h, adminToken, { roleCode: code });
  const DEVICES = `query($u: ID!) { userDevices(userId: $u) { id } }`;
  expect(errorOf(await h.exec(DEVICES, { u: adminId }, viewerToken))).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_OUTRANKS_CALLER' });
  expect((await h.data(DEVICES, { u: peer.id }, viewerToken)).userDevices).toEqual([]);
});
