import { Menu, Role, RoleMenuGrant } from '../src';
import { errorOf, platformEm, startIdentity, type Harness } from './support/harness';
import { ADMIN, createAccount, ME, unique } from './support/fixtures';

let h: Harness;
let adminToken: string;
beforeAll(async () => {
  h = await startIdentity();
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
});
afterAll(() => h.close());

const CREATE_MENU = /* GraphQL */ `
  mutation($input: MenuInput!) {
    createMenu(input: $input) { id name code path icon parentId sortOrder permission isVisible children { id } createdAt updatedAt }
  }
`;
const CREATE_ROLE = /* GraphQL */ `
  mutation($input: RoleInput!) { createRole(input: $input) { id code name description permissions userCount createdAt updatedAt } }
`;
const ASSIGN = /* GraphQL */ `
  mutation($roleId: ID!, $grants: [MenuGrantInput!]!) {
    assignPermissions(roleId: $roleId, grants: $grants) { role { code } grants { menu { code } actions } permissions }
  }
`;
const menuId = async (code: string) => (await platformEm(h).findOneOrFail(Menu, { code, tenantId: 1 })).id;

describe('menus', () => {
  it('lists the tenant’s 004 menus, flat, by sortOrder', async () => {
    const menus = (await h.data(`{ menus { code permission sortOrder isVisible } }`, {}, adminToken)).menus;
    expect(menus.slice(0, 6).map((m: { code: string }) => m.code)).toEqual(['employees', 'positions', 'menus', 'roles', 'permissions', 'worklogs']);
    expect(menus[0]).toMatchObject({ permission: 'employees:view', isVisible: true });
  });

  it('creates, updates and deletes a menu with its children through the loader', async () => {
    const code = unique('m');
    const parent = (await h.data(CREATE_MENU, { input: { name: 'Reports', code, sortOrder: 50 } }, adminToken)).createMenu;
    expect(parent).toMatchObject({ name: 'Reports', code, sortOrder: 50, isVisible: true, permission: null, parentId: null, children: [] });
    const child = (
      await h.data(CREATE_MENU, { input: { name: 'Sales', code: `${code}-s`, parentId: parent.id, permission: `${code}:view`, path: '/r/s' } }, adminToken)
    ).createMenu;
    const tree = (await h.data(`{ menus { id children { id } } }`, {}, adminToken)).menus.find((m: { id: string }) => m.id === parent.id);
    expect(tree.children).toEqual([{ id: child.id }]);

    const update = `mutation($id: ID!, $input: UpdateMenuInput!) { updateMenu(id: $id, input: $input) { name path isVisible sortOrder permission } }`;
    expect((await h.data(update, { id: child.id, input: { isVisible: false, sortOrder: 3 } }, adminToken)).updateMenu).toEqual({
      name: 'Sales',
      path: '/r/s',
      isVisible: false,
      sortOrder: 3,
      permission: `${code}:view`,
    });
    expect(errorOf(await h.exec(update, { id: parent.id, input: { parentId: child.id } }, adminToken)).code).toBe('BUSINESS_RULE');

    const del = `mutation($id: ID!) { deleteMenu(id: $id) }`;
    expect(errorOf(await h.exec(del, { id: parent.id }, adminToken))).toMatchObject({ code: 'BUSINESS_RULE', reason: 'MENU_HAS_CHILDREN' });
    expect((await h.data(del, { id: child.id }, adminToken)).deleteMenu).toBe(true);
    expect((await h.data(del, { id: parent.id }, adminToken)).deleteMenu).toBe(true);
    expect(errorOf(await h.exec(del, { id: parent.id }, adminToken)).code).toBe('NOT_FOUND');
  });

  it('refuses a duplicate code (CONFLICT) and a malformed permission (BAD_USER_INPUT), creating nothing', async () => {
    const before = await platformEm(h).count(Menu);
    expect(errorOf(await h.exec(CREATE_MENU, { input: { name: 'x', code: 'employees' } }, adminToken))).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(errorOf(await h.exec(CREATE_MENU, { input: { name: 'x', code: unique('m'), permission: 'no colon' } }, adminToken))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'permission',
    });
    expect(await platformEm(h).count(Menu)).toBe(before);
  });

  it('myMenus shows the visible menus whose permission the caller holds', async () => {
    const plain = await createAccount(h, adminToken, { roleCode: 'user' });
    const token = (await h.login(plain.username, plain.password)).accessToken;
    const mine = (await h.data(`{ myMenus { code } }`, {}, token)).myMenus;
    expect(mine.map((m: { code: string }) => m.code)).toEqual(['worklogs']);
    const admins = (await h.data(`{ myMenus { code } }`, {}, adminToken)).myMenus.map((m: { code: string }) => m.code);
    expect(admins).toEqual(expect.arrayContaining(['employees', 'positions', 'menus', 'roles', 'permissions', 'worklogs']));
  });
});

describe('roles', () => {
  it('creates, reads, lists, updates and deletes a role', async () => {
    const code = unique('dev');
    const role = (await h.data(CREATE_ROLE, { input: { code, name: '开发人员', description: 'Devs', permissions: ['worklogs:view'] } }, adminToken)).createRole;
    expect(role).toMatchObject({ code, name: '开发人员', description: 'Devs', permissions: ['worklogs:view'], userCount: 0 });
    expect((await h.data(`query($id: ID!) { role(id: $id) { code } }`, { id: role.id }, adminToken)).role.code).toBe(code);
    const listed = (await h.data(`query($s: String) { roles(search: $s) { total items { code } } }`, { s: code }, adminToken)).roles;
    expect(listed).toEqual({ total: 1, items: [{ code }] });
    const update = `mutation($id: ID!, $input: UpdateRoleInput!) { updateRole(id: $id, input: $input) { name description permissions } }`;
    expect((await h.data(update, { id: role.id, input: { name: 'Developers', permissions: ['worklogs:view', 'worklogs:create'] } }, adminToken)).updateRole).toEqual({
      name: 'Developers',
      description: 'Devs',
      permissions: ['worklogs:create', 'worklogs:view'],
    });
    expect((await h.data(`mutation($id: ID!) { deleteRole(id: $id) }`, { id: role.id }, adminToken)).deleteRole).toBe(true);
    expect(errorOf(await h.exec(`query($id: ID!) { role(id: $id) { code } }`, { id: role.id }, adminToken)).code).toBe('NOT_FOUND');
  });

  it('refuses a duplicate code (CONFLICT) and a malformed permission code (BAD_USER_INPUT)', async () => {
    const before = await platformEm(h).count(Role);
    expect(errorOf(await h.exec(CREATE_ROLE, { input: { code: 'admin', name: 'x' } }, adminToken))).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(errorOf(await h.exec(CREATE_ROLE, { input: { code: unique('r'), name: 'x', permissions: ['bad code'] } }, adminToken))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'permissions',
    });
    expect(await platformEm(h).count(Role)).toBe(before);
  });

  it('refuses deleting a role users hold, or a base role (BUSINESS_RULE)', async () => {
    const code = unique('held');
    const role = (await h.data(CREATE_ROLE, { input: { code, name: 'Held' } }, adminToken)).createRole;
    await createAccount(h, adminToken, { roleCode: code });
    const del = `mutation($id: ID!) { deleteRole(id: $id) }`;
    expect(errorOf(await h.exec(del, { id: role.id }, adminToken))).toMatchObject({ code: 'BUSINESS_RULE', reason: 'ROLE_IN_USE' });
    const sales = await platformEm(h).findOneOrFail(Role, { code: 'sales', tenantId: 1 });
    expect(errorOf(await h.exec(del, { id: String(sales.id) }, adminToken))).toMatchObject({ code: 'BUSINESS_RULE', reason: 'SYSTEM_ROLE' });
    expect((await h.data(`query($id: ID!) { role(id: $id) { userCount } }`, { id: role.id }, adminToken)).role.userCount).toBe(1);
  });
});

describe('assignPermissions and rolePermissions', () => {
  it('replaces the role’s menu grants; codes become menu.code:action', async () => {
    const role = (await h.data(CREATE_ROLE, { input: { code: unique('hr'), name: 'HR' } }, adminToken)).createRole;
    const employees = String(await menuId('employees'));
    const positions = String(await menuId('positions'));
    const first = (await h.data(ASSIGN, { roleId: role.id, grants: [{ menuId: employees, actions: ['view', 'create'] }, { menuId: positions, actions: ['view'] }] }, adminToken))
      .assignPermissions;
    expect(first).toEqual({
      role: { code: role.code },
      grants: [
        { menu: { code: 'employees' }, actions: ['view', 'create'] },
        { menu: { code: 'positions' }, actions: ['view'] },
      ],
      permissions: ['employees:create', 'employees:view', 'positions:view'],
    });
    const second = (await h.data(ASSIGN, { roleId: role.id, grants: [{ menuId: employees, actions: ['view'] }] }, adminToken)).assignPermissions;
    expect(second.permissions).toEqual(['employees:view']);
    const read = (await h.data(`query($id: ID!) { rolePermissions(roleId: $id) { grants { menu { code } actions } permissions } }`, { id: role.id }, adminToken))
      .rolePermissions;
    expect(read).toEqual({ grants: [{ menu: { code: 'employees' }, actions: ['view'] }], permissions: ['employees:view'] });
  });

  it('an employees:X grant works as users:X (alias), so the holder can list users', async () => {
    const role = (await h.data(CREATE_ROLE, { input: { code: unique('viewer'), name: 'Viewer' } }, adminToken)).createRole;
    await h.data(ASSIGN, { roleId: role.id, grants: [{ menuId: String(await menuId('employees')), actions: ['view'] }] }, adminToken);
    const holder = await createAccount(h, adminToken, { roleCode: role.code });
    const token = (await h.login(holder.username, holder.password)).accessToken;
    expect((await h.data(ME, {}, token)).me.permissions).toEqual(['employees:view', 'users:view']);
    expect((await h.data(`{ users { total } }`, {}, token)).users.total).toBeGreaterThan(0);
    expect(errorOf(await h.exec(`mutation { deleteUser(id: "1") }`, {}, token)).code).toBe('FORBIDDEN');
  });

  it('refuses an unknown menu (BAD_USER_INPUT naming the grant) and keeps the old grants', async () => {
    const role = (await h.data(CREATE_ROLE, { input: { code: unique('r'), name: 'R' } }, adminToken)).createRole;
    const employees = String(await menuId('employees'));
    await h.data(ASSIGN, { roleId: role.id, grants: [{ menuId: employees, actions: ['view'] }] }, adminToken);
    const result = await h.exec(ASSIGN, { roleId: role.id, grants: [{ menuId: employees, actions: ['create'] }, { menuId: '999999', actions: ['view'] }] }, adminToken);
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'grants.1.menuId' });
    const grants = await platformEm(h).find(RoleMenuGrant, { roleId: Number(role.id) });
    expect(grants.map((g) => g.actions)).toEqual([['view']]);
    expect(errorOf(await h.exec(ASSIGN, { roleId: '999999', grants: [] }, adminToken)).code).toBe('NOT_FOUND');
  });
});
