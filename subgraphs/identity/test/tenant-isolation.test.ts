import { User } from '../src';
import { errorOf, platformEm, startIdentity, type Harness } from './support/harness';
import { ADMIN, createAccount, SUPER_ADMIN, unique } from './support/fixtures';

/** A DEMO admin must not reach another tenant's rows: every read and write answers as if they did not exist. */
let h: Harness;
let adminToken: string;
let superToken: string;
const other: Record<string, string> = {};

beforeAll(async () => {
  h = await startIdentity();
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
  superToken = (await h.login(SUPER_ADMIN.login, SUPER_ADMIN.password)).accessToken;
  const tenant = (await h.data(`mutation { createTenant(input: { code: "${unique('O')}", name: "Other" }) { id } }`, {}, superToken)).createTenant;
  other.tenant = tenant.id;
  other.position = (
    await h.data(`mutation($t: ID) { createPosition(input: { name: "Theirs", code: "theirs", level: 1, tenantId: $t }) { id } }`, { t: tenant.id }, superToken)
  ).createPosition.id;
  other.user = (await createAccount(h, superToken, { tenantId: tenant.id, positionId: other.position, roleCode: 'admin' })).id;
  other.role = (await h.data(`mutation($t: ID) { createRole(input: { code: "theirs", name: "Theirs", tenantId: $t }) { id } }`, { t: tenant.id }, superToken))
    .createRole.id;
  other.menu = (await h.data(`mutation($t: ID) { createMenu(input: { name: "Theirs", code: "theirs", tenantId: $t }) { id } }`, { t: tenant.id }, superToken))
    .createMenu.id;
});
afterAll(() => h.close());

describe('a DEMO admin and another tenant', () => {
  it.each([
    ['user', 'query($id: ID!) { user(id: $id) { id } }', 'user'],
    ['position', 'query($id: ID!) { position(id: $id) { id } }', 'position'],
    ['role', 'query($id: ID!) { role(id: $id) { id } }', 'role'],
    ['rolePermissions', 'query($id: ID!) { rolePermissions(roleId: $id) { permissions } }', 'role'],
    ['tenant', 'query($id: ID!) { tenant(id: $id) { id } }', 'tenant'],
    ['apiCredentials', 'query($id: ID!) { apiCredentials(tenantId: $id) { id } }', 'tenant'],
    ['updateUser', 'mutation($id: ID!) { updateUser(id: $id, input: { fullName: "pwned" }) { id } }', 'user'],
    ['deleteUser', 'mutation($id: ID!) { deleteUser(id: $id) }', 'user'],
    ['resetPassword', 'mutation($id: ID!) { resetPassword(id: $id, newPassword: "pwned123") }', 'user'],
    ['updatePosition', 'mutation($id: ID!) { updatePosition(id: $id, input: { name: "pwned" }) { id } }', 'position'],
    ['deletePosition', 'mutation($id: ID!) { deletePosition(id: $id) }', 'position'],
    ['updateRole', 'mutation($id: ID!) { updateRole(id: $id, input: { name: "pwned" }) { id } }', 'role'],
    ['assignPermissions', 'mutation($id: ID!) { assignPermissions(roleId: $id, grants: []) { permissions } }', 'role'],
    ['updateMenu', 'mutation($id: ID!) { updateMenu(id: $id, input: { name: "pwned" }) { id } }', 'menu'],
    ['deleteMenu', 'mutation($id: ID!) { deleteMenu(id: $id) }', 'menu'],
  ])('%s answers NOT_FOUND', async (_name, query, key) => {
    const result = await h.exec(query, { id: other[key] }, adminToken);
    expect(errorOf(result).code).toBe('NOT_FOUND');
  });

  it('issueApiCredential answers FORBIDDEN, as every write on another tenant (tenant-level) does', async () => {
    const result = await h.exec('mutation($id: ID!) { issueApiCredential(tenantId: $id) { apiSecret } }', { id: other.tenant }, adminToken);
    expect(errorOf(result).code).toBe('FORBIDDEN');
  });

  it('changed nothing of theirs', async () => {
    const user = await platformEm(h).findOneOrFail(User, Number(other.user), { populate: ['passwordHash'] });
    expect(user.fullName).toBeNull();
    expect(user.deletedAt).toBeNull();
    const theirs = (await h.data(`query($id: ID!) { position(id: $id) { name } role: rolePermissions(roleId: $id) { role { name } } }`, { id: other.position }, superToken));
    expect(theirs.position.name).toBe('Theirs');
  });

  it('lists show only DEMO rows', async () => {
    const users = (await h.data(`{ users(pageSize: 100) { items { id tenant { code } } } }`, {}, adminToken)).users.items;
    expect(users.map((u: { id: string }) => u.id)).not.toContain(other.user);
    expect(new Set(users.map((u: { tenant: { code: string } }) => u.tenant.code))).toEqual(new Set(['DEMO']));
    const menus = (await h.data(`{ menus { id } }`, {}, adminToken)).menus.map((m: { id: string }) => m.id);
    expect(menus).not.toContain(other.menu);
    const positions = (await h.data(`{ positions { items { id } } }`, {}, adminToken)).positions.items.map((p: { id: string }) => p.id);
    expect(positions).not.toContain(other.position);
  });

  it('cannot use their rows as references (BAD_USER_INPUT) or create in their tenant (NOT_FOUND)', async () => {
    const create = `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`;
    const withPosition = await h.exec(create, { i: { username: unique('x'), password: 'secret123', positionId: other.position } }, adminToken);
    expect(errorOf(withPosition)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'positionId' });
    const withRole = await h.exec(create, { i: { username: unique('x'), password: 'secret123', roleId: other.role } }, adminToken);
    expect(errorOf(withRole)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roleId' });
    const inTheirTenant = await h.exec(create, { i: { username: unique('x'), password: 'secret123', tenantId: other.tenant } }, adminToken);
    expect(errorOf(inTheirTenant).code).toBe('NOT_FOUND');
    const grant = `mutation { assignPermissions(roleId: "${(await h.data(`{ roles { items { id code } } }`, {}, adminToken)).roles.items[0].id}", grants: [{ menuId: "${other.menu}", actions: ["view"] }]) { permissions } }`;
    expect(errorOf(await h.exec(grant, {}, adminToken))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'grants.0.menuId' });
  });

  it('entity fetches of their rows resolve to null', async () => {
    const result = await h.data(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { username } } }`,
      { r: [{ __typename: 'User', id: other.user }] },
      adminToken,
    );
    expect(result._entities).toEqual([null]);
  });

  it('the super admin reaches every tenant', async () => {
    expect((await h.data(`query($id: ID!) { user(id: $id) { tenant { name } } }`, { id: other.user }, superToken)).user.tenant.name).toBe('Other');
  });
});
