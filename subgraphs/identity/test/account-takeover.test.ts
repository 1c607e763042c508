import { errorOf, LOGIN, platformEm, startIdentity, type Harness, type LoginResult } from './support/harness';
import { ADMIN, createAccount, ME, SUPER_ADMIN, unique } from './support/fixtures';
import { Session, User } from '../src';

/**
 * No one manages an account holding a permission they lack (they could take it over), only the platform super
 * admin manages a SuperAdmin account, and no one deletes or deactivates themselves — for every operation that
 * manages an account: updateUser, resetPassword, deleteUser, batchUsers, signOutUserDevice.
 */
let h: Harness;
let adminToken: string;
let superToken: string;
let adminId: string;
let hr: { id: string; username: string; password: string; token: string };

/** A limited HR role: manages accounts, holds what plain employees hold, but not `*`. */
const HR = ['users:view', 'users:update', 'users:delete', 'worklogs:view', 'worklogs:create', 'worklogs:update'];

async function holderOf(permissions: string[]) {
  const code = unique('r');
  await h.data(`mutation($i: RoleInput!) { createRole(input: $i) { id } }`, { i: { code, name: code, permissions } }, adminToken);
  const account = await createAccount(h, adminToken, { roleCode: code });
  return { ...account, token: (await h.login(account.username, account.password)).accessToken };
}

beforeAll(async () => {
  h = await startIdentity();
  adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
  superToken = (await h.login(SUPER_ADMIN.login, SUPER_ADMIN.password)).accessToken;
  adminId = (await h.data(`{ me { id } }`, {}, adminToken)).me.id;
  hr = await holderOf(HR);
});
afterAll(() => h.close());

const UPDATE = `mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id fullName } }`;
const RESET = `mutation($id: ID!) { resetPassword(id: $id, newPassword: "taken-over-1") }`;
const DELETE = `mutation($id: ID!) { deleteUser(id: $id) }`;
const BATCH = `mutation($a: String!, $ids: [ID!]!) { batchUsers(action: $a, ids: $ids) { succeeded failed { id code } } }`;
const SIGN_OUT_USER = `mutation($u: ID!, $s: ID!) { signOutUserDevice(userId: $u, sessionId: $s) }`;
const OUTRANKS = { code: 'FORBIDDEN', reason: 'ACCOUNT_OUTRANKS_CALLER' };
const SELF = { code: 'FORBIDDEN', reason: 'SELF_DELETE' };

/** What a takeover would change: the stored row (hash included) and the live sessions. */
async function snapshot(id: string) {
  const em = platformEm(h);
  const row = await em.findOneOrFail(User, Number(id), { filters: false, populate: ['passwordHash'] });
  const live = await em.count(Session, { userId: Number(id), revokedAt: null });
  return { fullName: row.fullName, status: row.status, deletedAt: row.deletedAt, passwordHash: row.passwordHash, live };
}

/** An APP sign-in of the account; answers the login and its session id. */
async function appSession(login: string, password: string): Promise<LoginResult & { sessionId: string }> {
  const result = await h.data(LOGIN, { input: { login, password, channel: 'APP', device: { deviceId: unique('d') } } });
  const devices = (await h.data(`{ myDevices { id current } }`, {}, result.login.accessToken)).myDevices;
  return { ...result.login, sessionId: devices.find((d: { current: boolean }) => d.current).id };
}

describe('an account holding permissions the caller lacks (an * admin) is out of reach', () => {
  it('updateUser (name, password, status) is FORBIDDEN ACCOUNT_OUTRANKS_CALLER and changes nothing', async () => {
    const before = await snapshot(adminId);
    for (const input of [{ fullName: 'Owned' }, { password: 'taken-over-1' }, { status: 'inactive' }]) {
      expect(errorOf(await h.exec(UPDATE, { id: adminId, i: input }, hr.token))).toMatchObject(OUTRANKS);
    }
    expect(await snapshot(adminId)).toEqual(before);
    expect((await h.data(ME, {}, adminToken)).me.id).toBe(adminId);
  });

  it('resetPassword is refused; the old password still signs in and the sessions live on', async () => {
    const before = await snapshot(adminId);
    expect(errorOf(await h.exec(RESET, { id: adminId }, hr.token))).toMatchObject(OUTRANKS);
    expect(await snapshot(adminId)).toEqual(before);
    expect(errorOf(await h.exec(LOGIN, { input: { login: ADMIN.login, password: 'taken-over-1' } })).code).toBe('INVALID_CREDENTIALS');
    expect((await h.data(ME, {}, adminToken)).me.id).toBe(adminId);
  });

  it('deleteUser is refused and the account stays', async () => {
    const before = await snapshot(adminId);
    expect(errorOf(await h.exec(DELETE, { id: adminId }, hr.token))).toMatchObject(OUTRANKS);
    expect(await snapshot(adminId)).toEqual(before);
  });

  it('batchUsers refuses that id with FORBIDDEN and goes on with the others', async () => {
    const plain = await createAccount(h, adminToken, { roleCode: 'sales' });
    const before = await snapshot(adminId);
    const off = (await h.data(BATCH, { a: 'deactivate', ids: [adminId, plain.id] }, hr.token)).batchUsers;
    expect(off).toEqual({ succeeded: [plain.id], failed: [{ id: adminId, code: 'FORBIDDEN' }] });
    expect((await snapshot(plain.id)).status).toBe('inactive');
    for (const action of ['activate', 'delete']) {
      expect((await h.data(BATCH, { a: action, ids: [adminId] }, hr.token)).batchUsers.failed).toEqual([{ id: adminId, code: 'FORBIDDEN' }]);
    }
    expect(await snapshot(adminId)).toEqual(before);
  });

  it('signOutUserDevice is refused and the device stays signed in', async () => {
    const phone = await appSession(ADMIN.login, ADMIN.password);
    expect(errorOf(await h.exec(SIGN_OUT_USER, { u: adminId, s: phone.sessionId }, hr.token))).toMatchObject(OUTRANKS);
    expect((await h.data(ME, {}, phone.accessToken)).me.id).toBe(adminId);
  });

  it('a single code the caller lacks is enough; holding all of them (aliases count) is not', async () => {
    const stronger = await holderOf(['roles:delete']);
    expect(errorOf(await h.exec(UPDATE, { id: stronger.id, i: { fullName: 'x' } }, hr.token))).toMatchObject(OUTRANKS);
    expect(errorOf(await h.exec(RESET, { id: stronger.id }, hr.token))).toMatchObject(OUTRANKS);
    // employees:update is users:update by another name: the HR role holds it.
    const peer = await holderOf(['employees:view', 'employees:update']);
    expect((await h.data(UPDATE, { id: peer.id, i: { fullName: 'Peer' } }, hr.token)).updateUser.fullName).toBe('Peer');
    expect((await h.data(RESET, { id: peer.id }, hr.token)).resetPassword).toBe(true);
    const phone = await appSession(peer.username, 'taken-over-1');
    expect((await h.data(SIGN_OUT_USER, { u: peer.id, s: phone.sessionId }, hr.token)).signOutUserDevice).toBe(true);
    expect((await h.data(DELETE, { id: peer.id }, hr.token)).deleteUser).toBe(true);
  });
});

describe('holders of *, SuperAdmin accounts and oneself', () => {
  it('a holder of * manages every account of the tenant, other * holders included', async () => {
    const other = await createAccount(h, adminToken, { roleCode: 'TenantAdmin' });
    expect((await h.data(UPDATE, { id: other.id, i: { fullName: 'Other admin' } }, adminToken)).updateUser.fullName).toBe('Other admin');
    expect((await h.data(RESET, { id: other.id }, adminToken)).resetPassword).toBe(true);
    const limited = await holderOf(['users:update']);
    expect((await h.data(BATCH, { a: 'deactivate', ids: [other.id, limited.id] }, adminToken)).batchUsers.succeeded).toEqual([other.id, limited.id]);
  });

  it('only the platform super admin manages a SuperAdmin account; a tenant * holder is refused', async () => {
    const demo = (await h.data(`{ me { tenantId } }`, {}, adminToken)).me.tenantId;
    await h.data(`mutation($i: RoleInput!) { createRole(input: $i) { id } }`, { i: { code: 'SuperAdmin', name: 'Copy', tenantId: demo } }, superToken);
    const chief = await createAccount(h, superToken, { roleCode: 'SuperAdmin', tenantId: demo });
    const before = await snapshot(chief.id);
    expect(errorOf(await h.exec(UPDATE, { id: chief.id, i: { fullName: 'Owned' } }, adminToken))).toMatchObject(OUTRANKS);
    expect(errorOf(await h.exec(RESET, { id: chief.id }, adminToken))).toMatchObject(OUTRANKS);
    expect(errorOf(await h.exec(DELETE, { id: chief.id }, adminToken))).toMatchObject(OUTRANKS);
    expect((await h.data(BATCH, { a: 'deactivate', ids: [chief.id] }, adminToken)).batchUsers.failed).toEqual([{ id: chief.id, code: 'FORBIDDEN' }]);
    expect(await snapshot(chief.id)).toEqual(before);
    expect((await h.data(UPDATE, { id: chief.id, i: { fullName: 'Chief' } }, superToken)).updateUser.fullName).toBe('Chief');
  });

  it('no one deletes or deactivates themselves (SELF_DELETE), * holders included; editing oneself is fine', async () => {
    for (const me of [hr, { id: adminId, token: adminToken }]) {
      const before = await snapshot(me.id);
      expect(errorOf(await h.exec(DELETE, { id: me.id }, me.token))).toMatchObject(SELF);
      expect(errorOf(await h.exec(UPDATE, { id: me.id, i: { status: 'inactive' } }, me.token))).toMatchObject(SELF);
      for (const action of ['deactivate', 'delete']) {
        expect((await h.data(BATCH, { a: action, ids: [me.id] }, me.token)).batchUsers.failed).toEqual([{ id: me.id, code: 'FORBIDDEN' }]);
      }
      expect(await snapshot(me.id)).toEqual(before);
    }
    expect((await h.data(UPDATE, { id: hr.id, i: { fullName: 'HR' } }, hr.token)).updateUser.fullName).toBe('HR');
  });
});
