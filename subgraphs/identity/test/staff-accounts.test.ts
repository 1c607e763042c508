import type { ExecutionResult } from 'graphql';
import type { Caller } from '@platform/kit';
import { CCO_ROLES } from '@platform/testkit';
import { ADMIN } from './support/fixtures';
import { errorOf, seededIds, startIdentity, type Harness } from './support/harness';

/** CCO staff accounts made by collections as the admin-console caller (AgencyAdmin holds no users:* code). */
let h: Harness;
let agencyAdmin: string;
let signedInAgencyAdmin: string;
let teamLeader: string;
let adminId: string;
beforeAll(async () => {
  h = await startIdentity({ RATE_LIMITS: 'login:10000/60' });
  const seeded = await seededIds(h);
  adminId = seeded.users.admin;
  // collections calls these for its admin-console callers, with tokens it mints to act for them.
  const through = (caller: Caller): string => h.tokenOf({ ...caller, actingThrough: 'collections' });
  signedInAgencyAdmin = h.tokenOf(CCO_ROLES.AgencyAdmin({ tenantId: seeded.demoTenantId, userId: '9001' }));
  agencyAdmin = through(CCO_ROLES.AgencyAdmin({ tenantId: seeded.demoTenantId, userId: '9001' }));
  teamLeader = through(CCO_ROLES.TeamLeader({ tenantId: seeded.demoTenantId, userId: '9002' }));
});
afterAll(() => h.close());

const CREATE = 'mutation($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { id username fullName email status roles { code } tenantId } }';
type Created = ExecutionResult<{ createStaffAccount: { id: string; roles: { code: string }[] } & Record<string, unknown> }>;
const create = async (token: string, username: string, role = 'collector'): Promise<Created> =>
  h.exec(CREATE, { i: { username, password: 'secret123', fullName: '王小明', email: `${username}@example.com`, role } }, token) as Promise<Created>;
const loginError = async (login: string, password: string) =>
  errorOf(await h.exec('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { login, password, channel: 'WEB' } }));

describe('staff accounts (createStaffAccount, resetStaffPassword, setStaffAccountStatus, discardStaffAccount)', () => {
  it('an agency admin creates a collector account with the collector role in their tenant; it signs in', async () => {
    const result = await create(agencyAdmin, 'staff_col1');
    expect(result.errors).toBeUndefined();
    expect(result.data!.createStaffAccount).toMatchObject({ username: 'staff_col1', fullName: '王小明', status: 'active', roles: [{ code: 'collector' }] });
    expect((await h.login('staff_col1', 'secret123')).accessToken).toEqual(expect.any(String));
    expect(errorOf(await create(agencyAdmin, 'staff_col1'))).toMatchObject({ code: 'CONFLICT', field: 'username' });
  });

  it('an agency admin may give the SPV role; a team leader (no collectors:create) may give none', async () => {
    expect((await create(agencyAdmin, 'staff_spv1', 'SPV')).data!.createStaffAccount.roles).toEqual([{ code: 'SPV' }]);
    expect(errorOf(await create(teamLeader, 'staff_col2'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await create(teamLeader, 'staff_tl', 'TeamLeader'))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a token from sign-in cannot call them directly: identity does not know agencies, collections checks the scope', async () => {
    expect(errorOf(await create(signedInAgencyAdmin, 'staff_direct'))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_THROUGH_OWNER' });
    const id = (await create(agencyAdmin, 'staff_direct')).data!.createStaffAccount.id;
    const direct = await h.exec('mutation($id: ID!) { resetStaffPassword(id: $id, newPassword: "hijacked1") }', { id }, signedInAgencyAdmin);
    expect(errorOf(direct)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_THROUGH_OWNER' });
    expect(await loginError('staff_direct', 'hijacked1')).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect((await h.login('staff_direct', 'secret123')).accessToken).toEqual(expect.any(String));
  });

  it('reset password and deactivation reach staff accounts only; a deactivated account cannot sign in', async () => {
    const id = (await create(agencyAdmin, 'staff_col3')).data!.createStaffAccount.id;
    const reset = await h.exec('mutation($id: ID!) { resetStaffPassword(id: $id, newPassword: "newpass456") }', { id }, agencyAdmin);
    expect(reset.data?.resetStaffPassword).toBe(true);
    expect((await h.login('staff_col3', 'newpass456')).accessToken).toEqual(expect.any(String));
    expect(await loginError('staff_col3', 'secret123')).toMatchObject({ code: 'INVALID_CREDENTIALS' });

    const renamed = await h.exec('mutation($id: ID!) { updateStaffAccount(id: $id, input: { fullName: "李小红", email: "li@example.com" }) { fullName email } }', { id }, agencyAdmin);
    expect(renamed.data?.updateStaffAccount).toEqual({ fullName: '李小红', email: 'li@example.com' });

    const promoted = await h.exec('mutation($id: ID!) { updateStaffAccount(id: $id, input: { role: SPV }) { roles { code } } }', { id }, agencyAdmin);
    expect(promoted.data?.updateStaffAccount).toEqual({ roles: [{ code: 'SPV' }] });
    const byLeader = await h.exec('mutation($id: ID!) { updateStaffAccount(id: $id, input: { role: SPV }) { id } }', { id }, teamLeader);
    expect(errorOf(byLeader).code).toBe('FORBIDDEN');

    const off = await h.exec('mutation($id: ID!) { setStaffAccountStatus(id: $id, active: false) { status } }', { id }, agencyAdmin);
    expect(off.data?.setStaffAccountStatus).toEqual({ status: 'inactive' });
    expect(await loginError('staff_col3', 'newpass456')).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_INACTIVE' });

    const onAdmin = await h.exec('mutation($id: ID!) { resetStaffPassword(id: $id, newPassword: "hijacked1") }', { id: adminId }, agencyAdmin);
    expect(errorOf(onAdmin).code).toBe('FORBIDDEN');
    expect((await h.login(ADMIN.login, ADMIN.password)).accessToken).toEqual(expect.any(String));
  });

  it('discarding a new account that never signed in frees its login id; one that signed in is kept', async () => {
    const fresh = (await create(agencyAdmin, 'staff_col4')).data!.createStaffAccount.id;
    expect((await h.exec('mutation($id: ID!) { discardStaffAccount(id: $id) }', { id: fresh }, agencyAdmin)).data).toEqual({ discardStaffAccount: true });
    expect((await create(agencyAdmin, 'staff_col4')).errors).toBeUndefined();

    const used = (await create(agencyAdmin, 'staff_col5')).data!.createStaffAccount.id;
    await h.login('staff_col5', 'secret123');
    expect(errorOf(await h.exec('mutation($id: ID!) { discardStaffAccount(id: $id) }', { id: used }, agencyAdmin))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_DISCARDABLE' });
  });
});
