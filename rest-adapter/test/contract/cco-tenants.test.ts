import { useTestPlatform } from '../support/platform';
import { call, ccoAdminToken, CCO_TIME } from '../support/contract';

const platform = useTestPlatform();
let superadmin: string;
let tenantadmin: string;

beforeAll(async () => {
  superadmin = await ccoAdminToken(platform.app, 'superadmin', '123456');
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
});

const TENANT_A = {
  tenant_code: 'TENANT_A',
  tenant_name: '甲方A公司',
  tenant_name_en: 'Tenant A Corp',
  country_code: 'PH',
  timezone: 8,
  currency_code: 'PHP',
  is_active: true,
};

const tenantItem = (fields: Record<string, unknown>) => ({
  id: expect.any(Number),
  tenant_code: expect.any(String),
  tenant_name: expect.any(String),
  tenant_name_en: expect.anything(),
  country_code: expect.anything(),
  timezone: expect.anything(),
  currency_code: expect.anything(),
  is_active: expect.any(Boolean),
  created_at: expect.stringMatching(CCO_TIME),
  ...fields,
});

describe('/api/v1/tenants', () => {
  let tenantId: number;

  it('POST creates (SuperAdmin) and answers {id, tenant_code, created_at}', async () => {
    const res = await call(platform.app, 'POST', '/api/v1/tenants', { token: superadmin, body: TENANT_A });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '创建成功',
      data: { id: expect.any(Number), tenant_code: 'TENANT_A', created_at: expect.stringMatching(CCO_TIME) },
    });
    tenantId = res.body.data.id;
  });

  it('POST: a taken code is 409; a bad timezone is 400 and creates nothing; a TenantAdmin is 403; anonymous 401', async () => {
    expect(await call(platform.app, 'POST', '/api/v1/tenants', { token: superadmin, body: TENANT_A })).toMatchObject({
      status: 409,
      body: { code: 409, message: expect.any(String), data: null },
    });
    const bad = await call(platform.app, 'POST', '/api/v1/tenants', { token: superadmin, body: { ...TENANT_A, tenant_code: 'TENANT_B', timezone: 'eight' } });
    expect(bad).toMatchObject({ status: 400, body: { code: 400, message: expect.stringContaining('timezone'), data: null } });
    expect(await call(platform.app, 'POST', '/api/v1/tenants', { token: tenantadmin, body: { ...TENANT_A, tenant_code: 'TENANT_C' } })).toMatchObject({
      status: 403,
      body: { code: 403, data: null },
    });
    expect(await call(platform.app, 'POST', '/api/v1/tenants', { body: TENANT_A })).toMatchObject({ status: 401, body: { code: 401, data: null } });
    const list = await call(platform.app, 'GET', '/api/v1/tenants?size=100', { token: superadmin });
    expect(list.body.data.items.map((t: { tenant_code: string }) => t.tenant_code).sort()).toEqual(['DEMO', 'TENANT_A']);
  });

  it('GET lists {total, page, size, items} for the SuperAdmin', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/tenants?page=1&size=10', { token: superadmin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: 'success', data: { total: 2, page: 1, size: 10, items: expect.any(Array) } });
    expect(res.body.data.items).toContainEqual(tenantItem({ id: tenantId, ...TENANT_A }));
    const active = await call(platform.app, 'GET', '/api/v1/tenants?is_active=false', { token: superadmin });
    expect(active.body.data.total).toBe(0);
  });

  it('GET: a TenantAdmin sees only their own tenant, in the same shape', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/tenants', { token: tenantadmin });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ total: 1, page: 1, size: 10, items: [tenantItem({ tenant_code: 'DEMO' })] });
  });

  it('GET: size over 100 is 400', async () => {
    expect(await call(platform.app, 'GET', '/api/v1/tenants?size=500', { token: superadmin })).toMatchObject({
      status: 400,
      body: { code: 400, message: expect.stringContaining('size'), data: null },
    });
  });

  it('GET {tenant_id} answers the tenant with updated_at; another tenant for a TenantAdmin is 403 or 404; unknown 404', async () => {
    const res = await call(platform.app, 'GET', `/api/v1/tenants/${tenantId}`, { token: superadmin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: tenantItem({ id: tenantId, ...TENANT_A, updated_at: expect.stringMatching(CCO_TIME) }),
    });
    const foreign = await call(platform.app, 'GET', `/api/v1/tenants/${tenantId}`, { token: tenantadmin });
    expect([403, 404]).toContain(foreign.status);
    expect(foreign.body).toEqual({ code: foreign.status, message: expect.any(String), data: null });
    expect(await call(platform.app, 'GET', '/api/v1/tenants/999999', { token: superadmin })).toMatchObject({
      status: 404,
      body: { code: 404, message: '资源不存在', data: null },
    });
  });

  it('PUT updates only what is sent (tenant_code ignored)', async () => {
    const res = await call(platform.app, 'PUT', `/api/v1/tenants/${tenantId}`, {
      token: superadmin,
      body: { tenant_name: '甲方A公司（新）', tenant_code: 'CHANGED' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '更新成功' });
    const after = await call(platform.app, 'GET', `/api/v1/tenants/${tenantId}`, { token: superadmin });
    expect(after.body.data).toMatchObject({ tenant_name: '甲方A公司（新）', tenant_code: 'TENANT_A', currency_code: 'PHP' });
  });

  it('PUT: a bad currency is 400 and changes nothing; a TenantAdmin is 403; unknown is 404', async () => {
    expect(await call(platform.app, 'PUT', `/api/v1/tenants/${tenantId}`, { token: superadmin, body: { tenant_name: 'X', currency_code: 'pesos' } })).toMatchObject({
      status: 400,
      body: { code: 400, message: expect.stringContaining('currency_code'), data: null },
    });
    expect((await call(platform.app, 'GET', `/api/v1/tenants/${tenantId}`, { token: superadmin })).body.data.tenant_name).toBe('甲方A公司（新）');
    expect(await call(platform.app, 'PUT', `/api/v1/tenants/${tenantId}`, { token: tenantadmin, body: { tenant_name: 'X' } })).toMatchObject({ status: 403 });
    expect(await call(platform.app, 'PUT', '/api/v1/tenants/999999', { token: superadmin, body: { tenant_name: 'X' } })).toMatchObject({ status: 404 });
  });

  it('DELETE soft-deletes: 删除成功, then the tenant is inactive', async () => {
    expect(await call(platform.app, 'DELETE', `/api/v1/tenants/${tenantId}`, { token: tenantadmin })).toMatchObject({ status: 403 });
    const res = await call(platform.app, 'DELETE', `/api/v1/tenants/${tenantId}`, { token: superadmin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '删除成功' });
    const list = await call(platform.app, 'GET', '/api/v1/tenants?is_active=true', { token: superadmin });
    expect(list.body.data.items.map((t: { tenant_code: string }) => t.tenant_code)).toEqual(['DEMO']);
    expect(await call(platform.app, 'DELETE', '/api/v1/tenants/999999', { token: superadmin })).toMatchObject({ status: 404 });
  });
});
