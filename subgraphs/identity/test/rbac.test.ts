import { createHmac } from 'node:crypto';
import { BASE_ROLES, rbacMatrix, type BaseRole, type RbacCase } from '@platform/testkit';
import type { Caller } from '@platform/kit';
import { identity, permissions } from '../src';
import { platformEm, seededIds, startIdentity, type Harness } from './support/harness';
import { ADMIN, createAccount, SUPER_ADMIN, unique } from './support/fixtures';

/**
 * Every identity operation × every base role and anonymous. Rows run in order against one database; the
 * variables point at throwaway rows so the allowed roles' own errors (NOT_FOUND after the first delete…) never
 * hide an authorization decision.
 */
let h: Harness;
const ids: Record<string, string> = {};
const accountIds: string[] = [];
const callers: Partial<Record<BaseRole, Caller>> = {};

beforeAll(async () => {
  // The matrix calls login with made-up credentials for every role: it tests rules, not the login limit.
  h = await startIdentity({ RATE_LIMITS: 'login:10000/60,register:10000/60' });
  const seeded = await seededIds(h);
  const demo = seeded.demoTenantId;
  const admin = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
  const superToken = (await h.login(SUPER_ADMIN.login, SUPER_ADMIN.password)).accessToken;
  const accounts: Partial<Record<BaseRole, string>> = { SuperAdmin: seeded.users.superadmin, TenantAdmin: seeded.users.tenantadmin, admin: seeded.users.admin };
  for (const role of ['user', 'sales', 'service', 'collector'] as const) {
    accounts[role] = (await createAccount(h, admin, { roleCode: role })).id;
  }
  for (const role of Object.keys(BASE_ROLES) as BaseRole[]) {
    callers[role] = BASE_ROLES[role]({ tenantId: demo, userId: accounts[role]! });
  }
  const viaCollections = h.tokenOf({ ...callers.admin!, actingThrough: 'collections' });
  const mutate = async (query: string, token = admin) => Object.values(await h.data(query, {}, token))[0] as { id: string };
  Object.assign(ids, {
    demo,
    admin: seeded.users.admin,
    target: (await createAccount(h, admin, {})).id,
    staff: (await mutate(`mutation { createStaffAccount(input: { username: "${unique('st')}", password: "secret123", role: collector }) { id } }`, viaCollections)).id,
    discardable: (await mutate(`mutation { createStaffAccount(input: { username: "${unique('sd')}", password: "secret123", role: collector }) { id } }`, viaCollections)).id,
    deletable: (await createAccount(h, admin, {})).id,
    position: (await mutate(`mutation { createPosition(input: { name: "P", code: "${unique('p')}", level: 1 }) { id } }`)).id,
    deletablePosition: (await mutate(`mutation { createPosition(input: { name: "D", code: "${unique('p')}", level: 1 }) { id } }`)).id,
    menu: (await mutate(`mutation { createMenu(input: { name: "M", code: "${unique('m')}" }) { id } }`)).id,
    deletableMenu: (await mutate(`mutation { createMenu(input: { name: "D", code: "${unique('m')}" }) { id } }`)).id,
    role: (await mutate(`mutation { createRole(input: { code: "${unique('r')}", name: "R" }) { id } }`)).id,
    deletableRole: (await mutate(`mutation { createRole(input: { code: "${unique('r')}", name: "D" }) { id } }`)).id,
    tenant: (await mutate(`mutation { createTenant(input: { code: "${unique('T')}", name: "T" }) { id } }`, superToken)).id,
    deletableTenant: (await mutate(`mutation { createTenant(input: { code: "${unique('T')}", name: "D" }) { id } }`, superToken)).id,
    credential: (await h.data(`mutation { issueApiCredential(tenantId: "${demo}") { credential { id } } }`, {}, admin))
      .issueApiCredential.credential.id,
  });
  // The claim-scoped check reads every role's own account, colleagues and a user of another tenant.
  const otherTenant = await createAccount(h, superToken, { tenantId: ids.tenant, fullName: 'Elsewhere' });
  const twin = await createAccount(h, admin, {});
  accountIds.push(...Object.values(accounts), ids.target, otherTenant.id);
  ids.twin = twin.id;
  const partner = (await h.data(`mutation { issueApiCredential(tenantId: "${demo}") { apiSecret credential { apiKey } } }`, {}, admin)).issueApiCredential;
  partnerKey = { apiKey: partner.credential.apiKey, secret: partner.apiSecret };
});
let partnerKey: { apiKey: string; secret: string };

/** A freshly signed partner request (a new body each time: a signature is accepted once). */
function signedPartnerRequest() {
  const rawBody = JSON.stringify({ nonce: unique('n') });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', partnerKey.secret).update(partnerKey.apiKey + timestamp + rawBody).digest('hex');
  return { apiKey: partnerKey.apiKey, timestamp, signature, tenantCode: 'DEMO', rawBody };
}
afterAll(() => h.close());

const SUPER = ['SuperAdmin'];
/** Tokens collections mints to act for its caller (Caller.actingThrough): the staff-account mutations need them. */
const THROUGH_COLLECTIONS = ['admin@collections'];
const ADMINS = ['SuperAdmin', 'TenantAdmin', 'admin', ...THROUGH_COLLECTIONS];
const SIGNED_IN = [...ADMINS, 'user', 'sales', 'service', 'collector', 'collector@collections'];
const EVERYONE = [...SIGNED_IN, 'anonymous'];

const cases: Record<string, RbacCase> = {
  'Query.me': { query: '{ me { id username } }', allow: SIGNED_IN },
  'Query.user': { query: 'query($id: ID!) { user(id: $id) { id } }', variables: () => ({ id: ids.admin }), allow: ADMINS },
  'Query.users': { query: '{ users { total items { username role { code } position { name } } } }', allow: ADMINS },
  'Query.positions': { query: '{ positions { total items { name employeeCount } } }', allow: ADMINS },
  'Query.position': { query: 'query($id: ID!) { position(id: $id) { fullPath } }', variables: () => ({ id: ids.position }), allow: ADMINS },
  'Query.menus': { query: '{ menus { code children { id } } }', allow: ADMINS },
  'Query.myMenus': { query: '{ myMenus { code } }', allow: SIGNED_IN },
  'Query.roles': { query: '{ roles { total items { code permissions userCount } } }', allow: ADMINS },
  'Query.role': { query: 'query($id: ID!) { role(id: $id) { code } }', variables: () => ({ id: ids.role }), allow: ADMINS },
  'Query.rolePermissions': {
    query: 'query($id: ID!) { rolePermissions(roleId: $id) { permissions grants { actions } } }',
    variables: () => ({ id: ids.role }),
    allow: ADMINS,
  },
  'Query.tenants': { query: '{ tenants { total items { code } } }', allow: ADMINS },
  'Query.tenant': { query: 'query($id: ID!) { tenant(id: $id) { code } }', variables: () => ({ id: ids.demo }), allow: ADMINS },
  'Query.apiCredentials': {
    query: 'query($t: ID!) { apiCredentials(tenantId: $t) { apiKey tenant { code } } }',
    variables: () => ({ t: ids.demo }),
    allow: ADMINS,
  },
  'Query.mySessions': { query: '{ mySessions { id channel } }', allow: SIGNED_IN },
  'Query.myDevices': { query: '{ myDevices { id deviceId current } }', allow: SIGNED_IN },
  'Query.userDevices': {
    query: 'query($id: ID!) { userDevices(userId: $id) { id deviceId } }',
    variables: () => ({ id: ids.target }),
    allow: ADMINS,
  },
  'Query.salesUsers': { query: '{ salesUsers { total items { id username nickname roleCode } } }', allow: SIGNED_IN },

  'Mutation.login': {
    query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
    variables: { i: { login: 'admin', password: 'not-the-password' } },
    allow: EVERYONE,
  },
  'Mutation.refreshToken': {
    query: 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken user { username } } }',
    variables: async () => ({ t: (await h.login(ADMIN.login, ADMIN.password)).refreshToken }),
    allow: EVERYONE,
  },
  'Mutation.logout': { query: 'mutation { logout }', allow: SIGNED_IN },
  // The photo is the credential (an unknown login: INVALID_CREDENTIALS, which is the operation's own answer).
  'Mutation.faceLogin': {
    query: 'mutation($i: FaceLoginInput!) { faceLogin(input: $i) { accessToken } }',
    variables: { i: { login: 'nobody_with_a_face', faceImage: 'eA==', device: { deviceId: 'RBAC' } } },
    allow: EVERYONE,
  },
  // One's own account only: refused input (BAD_USER_INPUT) is what the allowed roles get here.
  'Mutation.bindMyFace': { query: 'mutation { bindMyFace(images: []) { id } }', allow: SIGNED_IN },
  'Mutation.updateMyAccount': { query: 'mutation { updateMyAccount(input: { email: "not-an-email" }) { id } }', allow: SIGNED_IN },
  'Mutation.changeMyPassword': {
    query: 'mutation { changeMyPassword(input: { oldPassword: "x", newPassword: "1" }) }',
    allow: SIGNED_IN,
  },
  // Sessions that do not exist: allowed roles get NOT_FOUND, which the matrix reads as allowed.
  'Mutation.signOutDevice': { query: 'mutation { signOutDevice(sessionId: "999999") }', allow: SIGNED_IN },
  'Mutation.signOutUserDevice': {
    query: 'mutation($id: ID!) { signOutUserDevice(userId: $id, sessionId: "999999") }',
    variables: () => ({ id: ids.target }),
    allow: ADMINS,
  },
  'Mutation.register': {
    query: 'mutation($i: RegisterInput!) { register(input: $i) { id role { code } } }',
    variables: () => ({ i: { username: unique('reg'), password: 'secret123' } }),
    allow: EVERYONE,
  },
  'Mutation.createUser': {
    query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    variables: () => ({ i: { username: unique('new'), password: 'secret123', tenantId: ids.demo } }),
    allow: ADMINS,
  },
  'Mutation.updateUser': {
    query: 'mutation($id: ID!) { updateUser(id: $id, input: { fullName: "Changed" }) { id } }',
    variables: () => ({ id: ids.target }),
    allow: ADMINS,
  },
  'Mutation.deleteUser': { query: 'mutation($id: ID!) { deleteUser(id: $id) }', variables: () => ({ id: ids.deletable }), allow: ADMINS },
  'Mutation.resetPassword': {
    query: 'mutation($id: ID!) { resetPassword(id: $id, newPassword: "secret456") }',
    variables: () => ({ id: ids.target }),
    allow: ADMINS,
  },
  'Mutation.createStaffAccount': {
    query: 'mutation($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { id } }',
    variables: () => ({ i: { username: unique('staff'), password: 'secret123', role: 'collector' } }),
    allow: THROUGH_COLLECTIONS,
  },
  'Mutation.resetStaffPassword': {
    query: 'mutation($id: ID!) { resetStaffPassword(id: $id, newPassword: "secret456") }',
    variables: () => ({ id: ids.staff }),
    allow: THROUGH_COLLECTIONS,
  },
  'Mutation.setStaffAccountStatus': {
    query: 'mutation($id: ID!) { setStaffAccountStatus(id: $id, active: true) { id } }',
    variables: () => ({ id: ids.staff }),
    allow: THROUGH_COLLECTIONS,
  },
  'Mutation.updateStaffAccount': {
    query: 'mutation($id: ID!) { updateStaffAccount(id: $id, input: { fullName: "王小明" }) { id } }',
    variables: () => ({ id: ids.staff }),
    allow: THROUGH_COLLECTIONS,
  },
  'Mutation.discardStaffAccount': {
    query: 'mutation($id: ID!) { discardStaffAccount(id: $id) }',
    variables: () => ({ id: ids.discardable }),
    allow: THROUGH_COLLECTIONS,
  },
  'Mutation.batchUsers': {
    query: 'mutation($id: ID!) { batchUsers(action: "activate", ids: [$id]) { succeeded } }',
    variables: () => ({ id: ids.target }),
    allow: ADMINS,
  },
  'Mutation.createPosition': {
    query: 'mutation($i: PositionInput!) { createPosition(input: $i) { id } }',
    variables: () => ({ i: { name: 'N', code: unique('p'), level: 1, tenantId: ids.demo } }),
    allow: ADMINS,
  },
  'Mutation.updatePosition': {
    query: 'mutation($id: ID!) { updatePosition(id: $id, input: { name: "Renamed" }) { id } }',
    variables: () => ({ id: ids.position }),
    allow: ADMINS,
  },
  'Mutation.deletePosition': {
    query: 'mutation($id: ID!) { deletePosition(id: $id) }',
    variables: () => ({ id: ids.deletablePosition }),
    allow: ADMINS,
  },
  'Mutation.movePosition': {
    query: 'mutation($id: ID!) { movePosition(id: $id, newParentId: null) { id } }',
    variables: () => ({ id: ids.position }),
    allow: ADMINS,
  },
  'Mutation.createMenu': {
    query: 'mutation($i: MenuInput!) { createMenu(input: $i) { id } }',
    variables: () => ({ i: { name: 'N', code: unique('m'), tenantId: ids.demo } }),
    allow: ADMINS,
  },
  'Mutation.updateMenu': {
    query: 'mutation($id: ID!) { updateMenu(id: $id, input: { name: "Renamed" }) { id } }',
    variables: () => ({ id: ids.menu }),
    allow: ADMINS,
  },
  'Mutation.deleteMenu': { query: 'mutation($id: ID!) { deleteMenu(id: $id) }', variables: () => ({ id: ids.deletableMenu }), allow: ADMINS },
  'Mutation.createRole': {
    query: 'mutation($i: RoleInput!) { createRole(input: $i) { id } }',
    variables: () => ({ i: { code: unique('r'), name: 'N', tenantId: ids.demo } }),
    allow: ADMINS,
  },
  'Mutation.updateRole': {
    query: 'mutation($id: ID!) { updateRole(id: $id, input: { name: "Renamed" }) { id } }',
    variables: () => ({ id: ids.role }),
    allow: ADMINS,
  },
  'Mutation.deleteRole': { query: 'mutation($id: ID!) { deleteRole(id: $id) }', variables: () => ({ id: ids.deletableRole }), allow: ADMINS },
  'Mutation.assignPermissions': {
    query: 'mutation($id: ID!) { assignPermissions(roleId: $id, grants: []) { permissions } }',
    variables: () => ({ id: ids.role }),
    allow: ADMINS,
  },
  'Mutation.createTenant': {
    query: 'mutation($i: TenantInput!) { createTenant(input: $i) { id } }',
    variables: () => ({ i: { code: unique('T'), name: 'N' } }),
    allow: SUPER,
  },
  'Mutation.updateTenant': {
    query: 'mutation($id: ID!) { updateTenant(id: $id, input: { name: "Renamed" }) { id } }',
    variables: () => ({ id: ids.tenant }),
    allow: SUPER,
  },
  'Mutation.deleteTenant': { query: 'mutation($id: ID!) { deleteTenant(id: $id) }', variables: () => ({ id: ids.deletableTenant }), allow: SUPER },
  'Mutation.issueApiCredential': {
    query: 'mutation($t: ID!) { issueApiCredential(tenantId: $t) { apiSecret credential { apiKey } } }',
    variables: () => ({ t: ids.demo }),
    allow: ADMINS,
  },
  // The signature is the authentication: anyone holding a correctly signed request gets its tenant (a forged one is
  // UNAUTHENTICATED for everyone: rest-adapter/test/contract/cco-partner.test.ts).
  'Mutation.verifyPartnerRequest': {
    query: 'mutation($i: PartnerRequestInput!) { verifyPartnerRequest(input: $i) { tenantId } }',
    variables: () => ({ i: signedPartnerRequest() }),
    allow: EVERYONE,
  },
  'Mutation.revokeApiCredential': {
    query: 'mutation($t: ID!, $id: ID!) { revokeApiCredential(tenantId: $t, id: $id) }',
    variables: () => ({ t: ids.demo, id: ids.credential }),
    allow: ADMINS,
  },
};

const role = (name: BaseRole) => () => callers[name]!;
const throughCollections = (name: BaseRole) => () => ({ ...callers[name]!, actingThrough: 'collections' });

rbacMatrix({
  title: 'identity RBAC matrix',
  schema: () => h.runtime.schema,
  rules: permissions,
  roles: {
    SuperAdmin: role('SuperAdmin'),
    TenantAdmin: role('TenantAdmin'),
    admin: role('admin'),
    user: role('user'),
    sales: role('sales'),
    service: role('service'),
    collector: role('collector'),
    'admin@collections': throughCollections('admin'),
    'collector@collections': throughCollections('collector'),
    anonymous: null,
  },
  cases,
  context: (caller) => h.runtime.createContext(caller ? { authorization: `Bearer ${h.tokenOf(caller)}` } : {}),
  // The router shares these fields' fetches per claim set (identity claim-scoped.ts); the twin is another account.
  claimScoped: {
    declared: identity.definition.claimScoped!,
    representations: { User: () => accountIds.map((id) => ({ id })) },
    twin: (caller) => ({ ...caller, userId: ids.twin, username: 'twin' }),
  },
});

test('the matrix ran against real rows (the allowed deletes happened)', async () => {
  const em = platformEm(h);
  const rows = await em.getConnection().execute('select deleted_at from user where id = ?', [Number(ids.deletable)]);
  expect(rows[0].deleted_at).not.toBeNull();
});
