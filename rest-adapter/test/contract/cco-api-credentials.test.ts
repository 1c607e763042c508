import { useTestPlatform } from '../support/platform';
import { call, ccoAdminToken, CCO_TIME } from '../support/contract';

const platform = useTestPlatform();
let superadmin: string;
let tenantadmin: string;
let demoId: number;
let otherId: number;

beforeAll(async () => {
  superadmin = await ccoAdminToken(platform.app, 'superadmin', '123456');
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  const tenants = (await call(platform.app, 'GET', '/api/v1/tenants', { token: superadmin })).body.data.items;
  demoId = tenants.find((t: { tenant_code: string }) => t.tenant_code === 'DEMO').id;
  otherId = (await call(platform.app, 'POST', '/api/v1/tenants', { token: superadmin, body: { tenant_code: 'OTHER', tenant_name: 'Other' } })).body.data.id;
});

const credential = (fields: Record<string, unknown>) => ({
  id: expect.any(Number),
  api_key: expect.any(String),
  name: null,
  is_active: true,
  last_used_at: null,
  created_at: expect.stringMatching(CCO_TIME),
  revoked_at: null,
  ...fields,
});

describe('/api/v1/tenants/{tenant_id}/api-credentials', () => {
  let keyId: number;

  it('POST issues a key and shows the secret once', async () => {
    const res = await call(platform.app, 'POST', `/api/v1/tenants/${demoId}/api-credentials`, { token: tenantadmin, body: { name: 'core system' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '创建成功', data: credential({ name: 'core system', api_secret: expect.any(String) }) });
    keyId = res.body.data.id;
  });

  it('GET lists without secrets, in the CCO list shape', async () => {
    const res = await call(platform.app, 'GET', `/api/v1/tenants/${demoId}/api-credentials`, { token: tenantadmin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: 'success', data: { total: 1, page: 1, size: 10, items: [credential({ id: keyId, name: 'core system' })] } });
    expect(JSON.stringify(res.body)).not.toContain('api_secret');
  });

  it('another tenant\'s credentials are refused to a TenantAdmin; anonymous is 401; a bad name type is 400 and issues nothing', async () => {
    const foreign = await call(platform.app, 'POST', `/api/v1/tenants/${otherId}/api-credentials`, { token: tenantadmin, body: {} });
    expect([403, 404]).toContain(foreign.status);
    expect(foreign.body).toEqual({ code: foreign.status, message: expect.any(String), data: null });
    expect(await call(platform.app, 'GET', `/api/v1/tenants/${demoId}/api-credentials`)).toMatchObject({ status: 401, body: { code: 401, data: null } });
    expect(await call(platform.app, 'POST', `/api/v1/tenants/${demoId}/api-credentials`, { token: tenantadmin, body: { name: 7 } })).toMatchObject({
      status: 400,
      body: { code: 400, message: expect.stringContaining('name'), data: null },
    });
    const list = await call(platform.app, 'GET', `/api/v1/tenants/${demoId}/api-credentials`, { token: superadmin });
    expect(list.body.data.total).toBe(1);
  });

  it('DELETE revokes the key: 删除成功, then it is listed inactive with revoked_at; unknown key is 404', async () => {
    const res = await call(platform.app, 'DELETE', `/api/v1/tenants/${demoId}/api-credentials/${keyId}`, { token: tenantadmin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, message: '删除成功' });
    const list = await call(platform.app, 'GET', `/api/v1/tenants/${demoId}/api-credentials`, { token: superadmin });
    expect(list.body.data.items).toEqual([credential({ id: keyId, name: 'core system', is_active: false, revoked_at: expect.stringMatching(CCO_TIME) })]);
    expect(await call(platform.app, 'DELETE', `/api/v1/tenants/${demoId}/api-credentials/999999`, { token: superadmin })).toMatchObject({
      status: 404,
      body: { code: 404, data: null },
    });
  });
});
