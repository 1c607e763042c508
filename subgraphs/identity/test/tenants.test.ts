import { ApiCredential, Role, Tenant } from '../src';
import { errorOf, LOGIN, platformEm, startIdentity, type Harness } from './support/harness';
import { ADMIN, createAccount, SUPER_ADMIN, TENANT_ADMIN, unique } from './support/fixtures';

let h: Harness;
let superToken: string;
let tenantAdminToken: string;
let demoId: string;
beforeAll(async () => {
  h = await startIdentity();
  superToken = (await h.login(SUPER_ADMIN.login, SUPER_ADMIN.password)).accessToken;
  tenantAdminToken = (await h.login(TENANT_ADMIN.login, TENANT_ADMIN.password)).accessToken;
  demoId = String((await platformEm(h).findOneOrFail(Tenant, { code: 'DEMO' })).id);
});
afterAll(() => h.close());

const CREATE = /* GraphQL */ `
  mutation($input: TenantInput!) {
    createTenant(input: $input) { id code name nameEn countryCode timezone zone currencyCode isActive createdAt updatedAt }
  }
`;
const TENANTS = /* GraphQL */ `query($a: Boolean) { tenants(isActive: $a) { total page pageSize pages items { code isActive } } }`;
const TENANT = /* GraphQL */ `query($id: ID!) { tenant(id: $id) { id code } }`;
const ISSUE = /* GraphQL */ `
  mutation($t: ID!, $n: String) {
    issueApiCredential(tenantId: $t, name: $n) { apiSecret credential { id apiKey name isActive lastUsedAt revokedAt createdAt tenant { code } } }
  }
`;
const LIST = /* GraphQL */ `query($t: ID!) { apiCredentials(tenantId: $t) { id apiKey isActive revokedAt } }`;

async function newTenant(patch: Record<string, unknown> = {}) {
  return (await h.data(CREATE, { input: { code: unique('T').toUpperCase(), name: 'Acme', ...patch } }, superToken)).createTenant;
}

describe('tenants', () => {
  it('the super admin creates a tenant; its zone is derived and it gets the base roles and menus', async () => {
    const code = unique('PH').toUpperCase();
    const tenant = (await h.data(CREATE, { input: { code, name: 'Acme PH', nameEn: 'Acme', countryCode: 'PH', timezone: 8, currencyCode: 'PHP' } }, superToken))
      .createTenant;
    expect(tenant).toMatchObject({ code, name: 'Acme PH', countryCode: 'PH', timezone: 8, zone: 'Asia/Manila', currencyCode: 'PHP', isActive: true });
    const roles = await platformEm(h).find(Role, { tenantId: Number(tenant.id) });
    expect(roles.map((r) => r.code).sort()).toEqual(['AgencyAdmin', 'SPV', 'TeamLeader', 'TenantAdmin', 'admin', 'collector', 'sales', 'service', 'user'].sort());
    expect((await newTenant({ timezone: -5 })).zone).toBe('Etc/GMT+5');
    expect((await newTenant({ zone: 'Asia/Jakarta', countryCode: 'ID' })).zone).toBe('Asia/Jakarta');
  });

  it('answers CONFLICT on a taken code and BAD_USER_INPUT on a bad zone, creating nothing', async () => {
    const before = await platformEm(h).count(Tenant, {}, { filters: false });
    expect(errorOf(await h.exec(CREATE, { input: { code: 'DEMO', name: 'x' } }, superToken))).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(errorOf(await h.exec(CREATE, { input: { code: unique('Z'), name: 'x', zone: 'Mars/Base' } }, superToken))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'zone',
    });
    expect(errorOf(await h.exec(CREATE, { input: { code: unique('Z'), name: 'x', currencyCode: 'pesos' } }, superToken))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'currencyCode',
    });
    expect(await platformEm(h).count(Tenant, {}, { filters: false })).toBe(before);
  });

  it('lists every tenant for the super admin, only their own for a TenantAdmin', async () => {
    await newTenant();
    const all = (await h.data(TENANTS, {}, superToken)).tenants;
    expect(all.total).toBeGreaterThan(1);
    expect(all.pageSize).toBe(10);
    const own = (await h.data(TENANTS, {}, tenantAdminToken)).tenants;
    expect(own).toEqual({ total: 1, page: 1, pageSize: 10, pages: 1, items: [{ code: 'DEMO', isActive: true }] });
  });

  it('filters by isActive', async () => {
    const inactive = await newTenant({ isActive: false });
    const list = (await h.data(TENANTS, { a: false }, superToken)).tenants.items.map((t: { code: string }) => t.code);
    expect(list).toContain(inactive.code);
    expect(list).not.toContain('DEMO');
  });

  it('reads one tenant: any for the super admin, only their own for a TenantAdmin (else NOT_FOUND)', async () => {
    const other = await newTenant();
    expect((await h.data(TENANT, { id: other.id }, superToken)).tenant.code).toBe(other.code);
    expect((await h.data(TENANT, { id: demoId }, tenantAdminToken)).tenant.code).toBe('DEMO');
    expect(errorOf(await h.exec(TENANT, { id: other.id }, tenantAdminToken)).code).toBe('NOT_FOUND');
    expect(errorOf(await h.exec(TENANT, { id: '999999' }, superToken)).code).toBe('NOT_FOUND');
  });

  it('updates only the given fields', async () => {
    const tenant = await newTenant({ countryCode: 'PH' });
    const update = `mutation($id: ID!, $input: UpdateTenantInput!) { updateTenant(id: $id, input: $input) { name nameEn countryCode zone } }`;
    expect((await h.data(update, { id: tenant.id, input: { nameEn: 'Acme EN' } }, superToken)).updateTenant).toEqual({
      name: 'Acme',
      nameEn: 'Acme EN',
      countryCode: 'PH',
      zone: 'Asia/Manila',
    });
    expect((await h.data(update, { id: tenant.id, input: { countryCode: 'SG' } }, superToken)).updateTenant.zone).toBe('Asia/Singapore');
    expect(errorOf(await h.exec(update, { id: '999999', input: { name: 'x' } }, superToken)).code).toBe('NOT_FOUND');
  });

  it('deleteTenant soft-deletes: inactive, gone from lists, its users can no longer sign in', async () => {
    const tenant = await newTenant();
    const account = await createAccount(h, superToken, { tenantId: tenant.id, roleCode: 'admin' });
    const session = await h.login(account.username, account.password);
    expect((await h.data(`mutation($id: ID!) { deleteTenant(id: $id) }`, { id: tenant.id }, superToken)).deleteTenant).toBe(true);
    const row = await platformEm(h).findOneOrFail(Tenant, Number(tenant.id), { filters: false });
    expect(row).toMatchObject({ isActive: false, deletedAt: expect.any(Date) });
    expect(errorOf(await h.exec(TENANT, { id: tenant.id }, superToken)).code).toBe('NOT_FOUND');
    expect(errorOf(await h.exec(LOGIN, { input: { login: account.username, password: account.password } }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'TENANT_INACTIVE',
    });
    expect(errorOf(await h.exec(`{ me { id } }`, {}, session.accessToken)).code).toBe('UNAUTHENTICATED');
  });

  it('a super admin creating an account must name the tenant', async () => {
    const result = await h.exec(`mutation { createUser(input: { username: "${unique('nt')}", password: "secret123" }) { id } }`, {}, superToken);
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tenantId' });
  });
});

describe('API credentials', () => {
  it('issues a key whose secret is shown once and stored only encrypted (AES-256-GCM)', async () => {
    const issued = (await h.data(ISSUE, { t: demoId, n: 'core system' }, tenantAdminToken)).issueApiCredential;
    expect(issued.credential).toMatchObject({ name: 'core system', isActive: true, revokedAt: null, lastUsedAt: null, tenant: { code: 'DEMO' } });
    expect(issued.apiSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const row = await platformEm(h).findOneOrFail(ApiCredential, Number(issued.credential.id), { populate: ['secretCiphertext'] });
    expect(row.secretCiphertext).not.toContain(issued.apiSecret);
    expect(row.secretCiphertext).toMatch(/^v1\./);
    expect(h.runtime.services.cipher.decrypt(row.secretCiphertext)).toBe(issued.apiSecret);

    const listed = (await h.data(LIST, { t: demoId }, tenantAdminToken)).apiCredentials;
    expect(listed[0]).toEqual({ id: issued.credential.id, apiKey: issued.credential.apiKey, isActive: true, revokedAt: null });
    const secretQuery = await h.exec(`query($t: ID!) { apiCredentials(tenantId: $t) { apiSecret } }`, { t: demoId }, tenantAdminToken);
    expect(errorOf(secretQuery).message).toMatch(/Cannot query field "apiSecret"/);
  });

  it('a tampered ciphertext does not decrypt', async () => {
    const issued = (await h.data(ISSUE, { t: demoId }, superToken)).issueApiCredential;
    const row = await platformEm(h).findOneOrFail(ApiCredential, Number(issued.credential.id), { populate: ['secretCiphertext'] });
    const parts = row.secretCiphertext.split('.');
    parts[3] = Buffer.from('forged-secret').toString('base64url');
    expect(() => h.runtime.services.cipher.decrypt(parts.join('.'))).toThrow();
  });

  it('revokes a key: it stays listed, inactive', async () => {
    const issued = (await h.data(ISSUE, { t: demoId }, tenantAdminToken)).issueApiCredential;
    const revoke = `mutation($t: ID!, $id: ID!) { revokeApiCredential(tenantId: $t, id: $id) }`;
    expect((await h.data(revoke, { t: demoId, id: issued.credential.id }, tenantAdminToken)).revokeApiCredential).toBe(true);
    const listed = (await h.data(LIST, { t: demoId }, tenantAdminToken)).apiCredentials.find(
      (c: { id: string }) => c.id === issued.credential.id,
    );
    expect(listed).toMatchObject({ isActive: false, revokedAt: expect.any(String) });
    expect(errorOf(await h.exec(revoke, { t: demoId, id: '999999' }, tenantAdminToken)).code).toBe('NOT_FOUND');
  });

  it('another tenant’s credentials are NOT_FOUND to a TenantAdmin reading them; writing them is FORBIDDEN', async () => {
    const other = await newTenant();
    const issued = (await h.data(ISSUE, { t: other.id }, superToken)).issueApiCredential;
    expect(errorOf(await h.exec(LIST, { t: other.id }, tenantAdminToken)).code).toBe('NOT_FOUND');
    // Every write on another tenant answers as updating it does (issue 5, item 11).
    expect(errorOf(await h.exec(ISSUE, { t: other.id }, tenantAdminToken)).code).toBe('FORBIDDEN');
    const revoke = `mutation($t: ID!, $id: ID!) { revokeApiCredential(tenantId: $t, id: $id) }`;
    expect(errorOf(await h.exec(revoke, { t: demoId, id: issued.credential.id }, tenantAdminToken)).code).toBe('NOT_FOUND');
    expect(errorOf(await h.exec(revoke, { t: other.id, id: issued.credential.id }, tenantAdminToken)).code).toBe('FORBIDDEN');
  });

  it('the admin of DEMO may manage DEMO’s keys too (every permission in the tenant)', async () => {
    const adminToken = (await h.login(ADMIN.login, ADMIN.password)).accessToken;
    expect((await h.data(ISSUE, { t: demoId }, adminToken)).issueApiCredential.credential.tenant.code).toBe('DEMO');
  });
});
