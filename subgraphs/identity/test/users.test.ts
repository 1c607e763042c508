import { User } from '../src';
import { errorOf, LOGIN, platformEm, startIdentity, type Harness } from './support/harness';
import { ADMIN, CREATE_USER, createAccount, ME, unique } from './support/fixtures';

let h: Harness;
let adminToken: string;
let positionId: string;
let salesRoleId: string;
beforeAll(async () => {
  h = await startIdentity();
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
  positionId = (
    await h.data(`mutation { createPosition(input: { name: "Engineer", code: "eng", level: 3 }) { id } }`, {}, adminToken)
  ).createPosition.id;
  const roles = (await h.data(`{ roles(pageSize: 100) { items { id code } } }`, {}, adminToken)).roles.items;
  salesRoleId = roles.find((r: { code: string }) => r.code === 'sales').id;
});
afterAll(() => h.close());

const UPDATE = /* GraphQL */ `
  mutation($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) { id email fullName status position { id } role { code } }
  }
`;
const USER = /* GraphQL */ `query($id: ID!) { user(id: $id) { id username email status role { code } } }`;
const USERS = /* GraphQL */ `
  query($filter: UserFilter, $sortBy: UserSortField, $sortOrder: SortOrder, $page: Int, $pageSize: Int) {
    users(filter: $filter, sortBy: $sortBy, sortOrder: $sortOrder, page: $page, pageSize: $pageSize) {
      total page pageSize pages items { username fullName status }
    }
  }
`;
const stored = (username: string) => platformEm(h).findOne(User, { username }, { filters: false });
const countUsers = () => platformEm(h).count(User, {}, { filters: false });

describe('createUser', () => {
  it('creates an employee with position and role, answering the 004 shape', async () => {
    const username = unique('zhang');
    const created = (
      await h.data(
        CREATE_USER,
        {
          input: {
            username,
            email: `${username}@Example.com`,
            password: 'Password123',
            fullName: '张三',
            positionId,
            roleId: salesRoleId,
          },
        },
        adminToken,
      )
    ).createUser;
    expect(created).toMatchObject({
      username,
      email: `${username}@example.com`,
      fullName: '张三',
      nickname: '张三',
      status: 'active',
      position: { id: positionId, name: 'Engineer' },
      role: { code: 'sales' },
      roles: [{ code: 'sales' }],
      permissions: ['worklogs:create', 'worklogs:update', 'worklogs:view'],
      lastLoginAt: null,
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await h.login(username, 'Password123')).user.id).toBe(created.id);
  });

  it('stores an argon2id hash, never the password, and never exposes it', async () => {
    const account = await createAccount(h, adminToken, { password: 'Password123' });
    const row = await platformEm(h).findOneOrFail(User, { username: account.username }, { populate: ['passwordHash'] });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const result = await h.exec(`query($id: ID!) { user(id: $id) { passwordHash } }`, { id: account.id }, adminToken);
    expect(errorOf(result).message).toMatch(/Cannot query field "passwordHash"/);
  });

  it('gives the role user when none is named, and accepts roleCode', async () => {
    const plain = await createAccount(h, adminToken, {});
    const viaCode = await createAccount(h, adminToken, { roleCode: 'collector' });
    expect((await h.data(USER, { id: plain.id }, adminToken)).user.role.code).toBe('user');
    expect((await h.data(USER, { id: viaCode.id }, adminToken)).user.role.code).toBe('collector');
  });

  it('answers CONFLICT on a taken username or e-mail and creates nothing', async () => {
    const before = await countUsers();
    const byName = await h.exec(CREATE_USER, { input: { username: 'admin', password: 'secret123' } }, adminToken);
    const byEmail = await h.exec(
      CREATE_USER,
      { input: { username: unique('x'), email: 'ADMIN@example.com', password: 'secret123' } },
      adminToken,
    );
    expect(errorOf(byName)).toMatchObject({ code: 'CONFLICT', field: 'username' });
    expect(errorOf(byEmail)).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect(await countUsers()).toBe(before);
  });

  it.each([
    ['email', { email: 'not-an-email' }],
    ['password', { password: '12345' }],
    ['username', { username: 'has space' }],
    ['positionId', { positionId: '999999' }],
    ['roleId', { roleId: '999999' }],
    ['roleCode', { roleCode: 'no-such-role' }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it and creates nothing', async (field, patch) => {
    const before = await countUsers();
    const username = unique('bad');
    const result = await h.exec(CREATE_USER, { input: { username, password: 'secret123', ...patch } }, adminToken);
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await countUsers()).toBe(before);
  });
});

describe('user and users', () => {
  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    expect(errorOf(await h.exec(USER, { id: '999999' }, adminToken)).code).toBe('NOT_FOUND');
    expect(errorOf(await h.exec(USER, { id: 'abc' }, adminToken)).code).toBe('NOT_FOUND');
  });

  it('pages, searches, filters and sorts', async () => {
    const tag = unique('lst');
    for (const [i, name] of ['Carol', 'Alice', 'Bob'].entries()) {
      await h.data(CREATE_USER, { input: { username: `${tag}${i}`, password: 'secret123', fullName: `${name} ${tag}`, positionId, status: i === 2 ? 'inactive' : 'active' } }, adminToken);
    }
    const all = (await h.data(USERS, { filter: { search: tag }, sortBy: 'username', sortOrder: 'asc', pageSize: 2 }, adminToken)).users;
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 2, pages: 2 });
    expect(all.items.map((u: { username: string }) => u.username)).toEqual([`${tag}0`, `${tag}1`]);
    const page2 = (await h.data(USERS, { filter: { search: tag }, sortBy: 'username', sortOrder: 'asc', pageSize: 2, page: 2 }, adminToken)).users;
    expect(page2.items.map((u: { username: string }) => u.username)).toEqual([`${tag}2`]);

    const inactive = (await h.data(USERS, { filter: { search: tag, status: 'inactive' } }, adminToken)).users;
    expect(inactive.items.map((u: { fullName: string }) => u.fullName)).toEqual([`Bob ${tag}`]);
    const byPosition = (await h.data(USERS, { filter: { positionId, search: tag } }, adminToken)).users;
    expect(byPosition.total).toBe(3);
    const byRole = (await h.data(USERS, { filter: { roleCode: 'admin' } }, adminToken)).users;
    expect(byRole.items.map((u: { username: string }) => u.username)).toEqual(['admin']);
    const desc = (await h.data(USERS, { filter: { search: tag }, sortBy: 'fullName', sortOrder: 'desc' }, adminToken)).users;
    expect(desc.items.map((u: { fullName: string }) => u.fullName[0].toLowerCase())).toEqual(['c', 'b', 'a']);
  });

  it('treats explicit nulls (a REST query without the parameter) as the contract defaults', async () => {
    const page = (await h.data(USERS, { page: null, pageSize: null, sortBy: null, sortOrder: null }, adminToken)).users;
    expect(page).toMatchObject({ page: 1, pageSize: 20 });
  });

  it('refuses pageSize over 100 with BAD_USER_INPUT', async () => {
    expect(errorOf(await h.exec(USERS, { pageSize: 101 }, adminToken))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pageSize' });
  });
});

describe('updateUser', () => {
  it('changes only the fields given', async () => {
    const account = await createAccount(h, adminToken, { email: `${unique('e')}@example.com`, positionId });
    const updated = (await h.data(UPDATE, { id: account.id, input: { fullName: 'New Name', roleCode: 'sales' } }, adminToken)).updateUser;
    expect(updated).toMatchObject({ fullName: 'New Name', status: 'active', position: { id: positionId }, role: { code: 'sales' } });
    expect(updated.email).toMatch(/@example.com$/);
    const cleared = (await h.data(UPDATE, { id: account.id, input: { positionId: null } }, adminToken)).updateUser;
    expect(cleared.position).toBeNull();
  });

  it('answers CONFLICT for another account’s e-mail and changes nothing', async () => {
    const account = await createAccount(h, adminToken, { email: `${unique('e')}@example.com` });
    const result = await h.exec(UPDATE, { id: account.id, input: { email: 'admin@example.com', fullName: 'Changed' } }, adminToken);
    expect(errorOf(result)).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect((await stored(account.username))!.fullName).toBeNull();
  });

  it('deactivating an account ends its sessions', async () => {
    const account = await createAccount(h, adminToken, {});
    const token = (await h.login(account.username, account.password)).accessToken;
    await h.data(UPDATE, { id: account.id, input: { status: 'inactive' } }, adminToken);
    expect(errorOf(await h.exec(ME, {}, token)).code).toBe('UNAUTHENTICATED');
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    expect(errorOf(await h.exec(UPDATE, { id: '999999', input: { fullName: 'x' } }, adminToken)).code).toBe('NOT_FOUND');
  });

  it('refuses deactivating one’s own account with FORBIDDEN SELF_DELETE', async () => {
    const me = (await h.data(ME, {}, adminToken)).me;
    expect(errorOf(await h.exec(UPDATE, { id: me.id, input: { status: 'inactive' } }, adminToken))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'SELF_DELETE',
    });
    expect((await stored('admin'))!.status).toBe('active');
  });
});

describe('deleteUser', () => {
  it('soft-deletes: the row stays, the account disappears, its sessions end, its username stays taken', async () => {
    const account = await createAccount(h, adminToken, {});
    const token = (await h.login(account.username, account.password)).accessToken;
    expect((await h.data(`mutation($id: ID!) { deleteUser(id: $id) }`, { id: account.id }, adminToken)).deleteUser).toBe(true);
    expect((await stored(account.username))!.deletedAt).toBeInstanceOf(Date);
    expect(errorOf(await h.exec(USER, { id: account.id }, adminToken)).code).toBe('NOT_FOUND');
    expect(errorOf(await h.exec(ME, {}, token)).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await h.exec(LOGIN, { input: { login: account.username, password: account.password } })).code).toBe(
      'INVALID_CREDENTIALS',
    );
    const again = await h.exec(CREATE_USER, { input: { username: account.username, password: 'secret123' } }, adminToken);
    expect(errorOf(again).code).toBe('CONFLICT');
  });

  it('answers NOT_FOUND for an unknown id and refuses deleting oneself', async () => {
    expect(errorOf(await h.exec(`mutation { deleteUser(id: "999999") }`, {}, adminToken)).code).toBe('NOT_FOUND');
    const me = (await h.data(ME, {}, adminToken)).me;
    expect(errorOf(await h.exec(`mutation($id: ID!) { deleteUser(id: $id) }`, { id: me.id }, adminToken))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'SELF_DELETE',
    });
  });
});

describe('resetPassword', () => {
  it('sets the new password, refuses the old one and ends the account’s sessions', async () => {
    const account = await createAccount(h, adminToken, {});
    const token = (await h.login(account.username, account.password)).accessToken;
    const reset = `mutation($id: ID!, $p: String!) { resetPassword(id: $id, newPassword: $p) }`;
    expect((await h.data(reset, { id: account.id, p: 'NewPassword123' }, adminToken)).resetPassword).toBe(true);
    expect(errorOf(await h.exec(LOGIN, { input: { login: account.username, password: account.password } })).code).toBe(
      'INVALID_CREDENTIALS',
    );
    expect((await h.login(account.username, 'NewPassword123')).user.username).toBe(account.username);
    expect(errorOf(await h.exec(ME, {}, token)).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a short password with BAD_USER_INPUT and an unknown id with NOT_FOUND', async () => {
    const reset = `mutation($id: ID!, $p: String!) { resetPassword(id: $id, newPassword: $p) }`;
    const account = await createAccount(h, adminToken, {});
    expect(errorOf(await h.exec(reset, { id: account.id, p: '123' }, adminToken))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await h.login(account.username, account.password)).user.username).toBe(account.username);
    expect(errorOf(await h.exec(reset, { id: '999999', p: 'secret123' }, adminToken)).code).toBe('NOT_FOUND');
  });
});

describe('batchUsers', () => {
  const BATCH = `mutation($a: String!, $ids: [ID!]!) { batchUsers(action: $a, ids: $ids) { action succeeded failed { id code message } } }`;

  it('deactivates, activates and deletes, reporting each id', async () => {
    const a = await createAccount(h, adminToken, {});
    const b = await createAccount(h, adminToken, {});
    const off = (await h.data(BATCH, { a: 'deactivate', ids: [a.id, b.id, '999999'] }, adminToken)).batchUsers;
    expect(off).toEqual({ action: 'deactivate', succeeded: [a.id, b.id], failed: [expect.objectContaining({ id: '999999', code: 'NOT_FOUND' })] });
    expect((await stored(a.username))!.status).toBe('inactive');
    await h.data(BATCH, { a: 'activate', ids: [a.id] }, adminToken);
    expect((await stored(a.username))!.status).toBe('active');
    const del = (await h.data(BATCH, { a: 'delete', ids: [a.id, b.id] }, adminToken)).batchUsers;
    expect(del.succeeded).toEqual([a.id, b.id]);
    expect((await stored(b.username))!.deletedAt).toBeInstanceOf(Date);
  });

  it('refuses an unknown action or too many ids with BAD_USER_INPUT, changing nothing', async () => {
    const a = await createAccount(h, adminToken, {});
    expect(errorOf(await h.exec(BATCH, { a: 'explode', ids: [a.id] }, adminToken))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'action' });
    const many = Array.from({ length: 101 }, (_, i) => String(i + 1));
    expect(errorOf(await h.exec(BATCH, { a: 'deactivate', ids: many }, adminToken))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect((await stored(a.username))!.status).toBe('active');
  });

  it('needs users:delete for delete even when users:update is held', async () => {
    const editorRole = (
      // It holds what the victim (role user) holds, so only the missing users:delete stands in the way.
      await h.data(
        `mutation { createRole(input: { code: "${unique('ed')}", name: "Editor", permissions: ["users:update", "worklogs:view", "worklogs:create", "worklogs:update"] }) { id code } }`,
        {},
        adminToken,
      )
    ).createRole;
    const editor = await createAccount(h, adminToken, { roleCode: editorRole.code });
    const victim = await createAccount(h, adminToken, {});
    const token = (await h.login(editor.username, editor.password)).accessToken;
    expect(errorOf(await h.exec(BATCH, { a: 'delete', ids: [victim.id] }, token)).code).toBe('FORBIDDEN');
    expect((await h.data(BATCH, { a: 'deactivate', ids: [victim.id] }, token)).batchUsers.succeeded).toEqual([victim.id]);
  });
});
