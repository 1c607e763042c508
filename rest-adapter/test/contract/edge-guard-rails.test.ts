import { useTestPlatform } from '../support/platform';
import { call, ccoAdminToken, hrError, hrToken } from '../support/contract';

// Issue 6 items 4, 5, 11 and issue 5 item 11 as they were seen on REST.
const platform = useTestPlatform();

describe('a NUL byte in a string field was a 500', () => {
  it.each([
    ['004 login', '/api/auth/login', { username: 'ad\u0000min', password: 'x' }, 422],
    ['CCO admin login', '/api/v1/admin/auth/login', { loginId: 'ad\u0000min', password: 'x' }, 400],
    ['002 register', '/api/users/register', { username: 'nul_user', password: 'secret1', nickname: 'a\u0000b' }, 400],
  ])('%s answers the family’s client error naming the field', async (_, url, body, status) => {
    const res = await call(platform.app, 'POST', url, { body });
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body)).toMatch(/login|username|nickname/i);
    expect(JSON.stringify(res.body)).not.toMatch(/SQLITE|Internal/i);
  });
});

it('reset-password accepted a 100,000-character password that login then refused: now 422 naming the field', async () => {
  const token = await hrToken(platform.app, 'admin', 'Admin123456');
  const created = await call(platform.app, 'POST', '/api/employees', {
    token,
    body: { username: 'pw_policy_user', password: 'secret1', full_name: 'Policy' },
  });
  expect(created.status).toBe(201);
  const id = created.body.data.id;
  const res = await call(platform.app, 'POST', `/api/employees/${id}/reset-password`, { token, body: { new_password: 'x'.repeat(100_000) } });
  expect(res.status).toBe(422);
  expect(res.body).toEqual(hrError(expect.stringMatching(/^VALID_/)));
  expect(res.body.error.details.field).toBe('new_password');
  expect((await call(platform.app, 'POST', '/api/auth/login', { body: { username: 'pw_policy_user', password: 'secret1' } })).status).toBe(200);
});

it('Admin could be registered beside admin: a login id differing only in case is taken', async () => {
  const res = await call(platform.app, 'POST', '/api/users/register', { body: { username: 'Admin', password: 'secret1' } });
  expect(res.status).toBe(409);
});

describe('CCO admin console', () => {
  it('GET me as a TenantAdmin answered permissions ["*"]; it lists its codes, "*" being the super admin’s', async () => {
    const token = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
    const res = await call(platform.app, 'GET', '/api/v1/admin/auth/me', { token });
    expect(res.status).toBe(200);
    expect(res.body.data.permissions).not.toContain('*');
    expect(res.body.data.permissions).toEqual(expect.arrayContaining(['users:create']));
  });

  it('GET me accepted the token of an account the console login refuses: now 403', async () => {
    const admin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
    const created = await platform.platform.router.executor.execute({
      query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      variables: { i: { username: 'console_collector', password: 'secret123', roleCode: 'collector' } },
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(created.errors).toBeUndefined();
    const collector = await hrToken(platform.app, 'console_collector', 'secret123');
    const res = await call(platform.app, 'GET', '/api/v1/admin/auth/me', { token: collector });
    expect(res).toMatchObject({ status: 403, body: { code: 403, data: null } });
  });

  it('a TenantAdmin issuing API credentials for another tenant got 404 while updating that tenant got 403: both 403', async () => {
    const superadmin = await ccoAdminToken(platform.app, 'superadmin', '123456');
    const tenant = await call(platform.app, 'POST', '/api/v1/tenants', {
      token: superadmin,
      body: { tenant_code: 'GR_OTHER', tenant_name: 'Other tenant', country_code: 'PH', timezone: 8, currency_code: 'PHP' },
    });
    expect(tenant.status).toBe(200);
    const otherId = tenant.body.data.id;
    const tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
    const issue = await call(platform.app, 'POST', `/api/v1/tenants/${otherId}/api-credentials`, { token: tenantadmin, body: {} });
    const update = await call(platform.app, 'PUT', `/api/v1/tenants/${otherId}`, { token: tenantadmin, body: { tenant_name: 'Mine' } });
    expect([issue.status, update.status]).toEqual([403, 403]);
  });
});
