import { useTestPlatform } from '../support/platform';
import { publishAudits, eventually } from '../support/activity-events';
import { call, ccoAdminToken, ISO_UTC } from '../support/contract';

const platform = useTestPlatform();
let superadmin: string;
let tenantadmin: string;
let demoId: number;
let otherId: number;

const crmError = (code: string) => ({ code, message: expect.any(String), requestId: expect.any(String) });
const logs = (token: string, tenant: string | undefined, query = '') =>
  call(platform.app, 'GET', `/api/v1/crm/audit-logs${query}`, { token, headers: tenant === undefined ? {} : { 'x-tenant-id': tenant } });

beforeAll(async () => {
  superadmin = await ccoAdminToken(platform.app, 'superadmin', '123456');
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  const tenants = (await call(platform.app, 'GET', '/api/v1/tenants', { token: superadmin })).body.data.items;
  demoId = tenants.find((t: { tenant_code: string }) => t.tenant_code === 'DEMO').id;
  otherId = (await call(platform.app, 'POST', '/api/v1/tenants', { token: superadmin, body: { tenant_code: 'OTHER', tenant_name: 'Other' } })).body.data.id;
  await publishAudits(platform, demoId, [
    { source: 'crm', resourceType: 'customer', resourceId: '7', action: 'create', actorId: '2', actorName: 'tenantadmin', after: { name: '某某公司' }, summary: '创建客户 某某公司', occurredAt: '2026-06-01T08:00:00.000Z' },
    { source: 'crm', resourceType: 'customer', resourceId: '7', action: 'update', before: { name: '某某公司' }, after: { name: '某某集团' }, occurredAt: '2026-06-02T08:00:00.000Z' },
    { source: 'crm', resourceType: 'opportunity', resourceId: '3', action: 'create', occurredAt: '2026-06-03T08:00:00.000Z' },
  ]);
  await publishAudits(platform, otherId, [{ source: 'crm', resourceType: 'customer', resourceId: '8', action: 'create' }]);
  await eventually(async () => (await logs(tenantadmin, 'DEMO', '?resourceType=opportunity')).body.total === 1);
});

describe('GET /api/v1/crm/audit-logs', () => {
  it('answers the tenant\'s audit trail as {data, total, page, pageSize}, newest first, filtered by resourceType', async () => {
    const res = await logs(tenantadmin, 'DEMO', '?resourceType=customer&page=1&pageSize=20');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [
        {
          id: expect.any(String),
          tenantId: String(demoId),
          source: 'crm',
          actorId: null,
          actorName: null,
          action: 'update',
          resourceType: 'customer',
          resourceId: '7',
          before: { name: '某某公司' },
          after: { name: '某某集团' },
          summary: null,
          requestId: expect.any(String),
          createdAt: '2026-06-02T08:00:00Z',
        },
        expect.objectContaining({ action: 'create', actorId: '2', actorName: 'tenantadmin', summary: '创建客户 某某公司', createdAt: expect.stringMatching(ISO_UTC) }),
      ],
      total: 2,
      page: 1,
      pageSize: 20,
    });
    const page2 = await logs(tenantadmin, String(demoId), '?resourceType=customer&page=2&pageSize=1');
    expect(page2.body).toMatchObject({ total: 2, page: 2, pageSize: 1, data: [{ action: 'create' }] });
  });

  it('X-Tenant-Id: missing 400, another tenant 403; the platform admin may name any tenant', async () => {
    expect(await logs(tenantadmin, undefined)).toMatchObject({ status: 400, body: { ...crmError('BAD_REQUEST'), message: expect.stringContaining('X-Tenant-Id') } });
    expect(await logs(tenantadmin, 'OTHER')).toMatchObject({ status: 403, body: crmError('FORBIDDEN') });
    expect(await logs(tenantadmin, String(otherId))).toMatchObject({ status: 403, body: crmError('FORBIDDEN') });
    const other = await logs(superadmin, 'OTHER', '?resourceType=customer');
    expect(other.status).toBe(200);
    expect(other.body.data.map((e: { resourceId: string }) => e.resourceId)).toEqual(['8']);
  });

  it('bad input is 400 naming the field; anonymous 401; a collector-like account 403', async () => {
    expect(await logs(tenantadmin, 'DEMO', '?pageSize=1000')).toMatchObject({ status: 400, body: { ...crmError('BAD_REQUEST'), message: expect.stringContaining('pageSize') } });
    expect(await logs(tenantadmin, 'DEMO', '?resourceType=Bad%20Type')).toMatchObject({ status: 400, body: { ...crmError('BAD_REQUEST'), message: expect.stringContaining('resourceType') } });
    const anonymous = await call(platform.app, 'GET', '/api/v1/crm/audit-logs', { headers: { 'x-tenant-id': 'DEMO' } });
    expect(anonymous).toMatchObject({ status: 401, body: crmError('UNAUTHORIZED') });
    const plain = await call(platform.app, 'POST', '/api/users/register', { body: { username: 'plain_crm', password: 'secret1' } });
    expect(plain.status).toBe(200);
    const token = (await call(platform.app, 'POST', '/api/users/login', { body: { username: 'plain_crm', password: 'secret1' } })).body.data.token;
    expect(await logs(token, 'DEMO')).toMatchObject({ status: 403, body: crmError('FORBIDDEN') });
  });
});
