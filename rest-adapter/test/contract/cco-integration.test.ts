import type { EntityManager } from '@mikro-orm/core';
import { forkForTenant } from '@platform/kit';
import { CollectionCase, IntegrationDelivery, TenantIntegration } from '@platform/collections';
import { partnerHeaders } from '@platform/kit';
import { collectorToken } from '../support/activity-events';
import { useTestPlatform } from '../support/platform';
import { call, ccoAdminToken, CCO_TIME } from '../support/contract';

const platform = useTestPlatform();
let superadmin: string;
let tenantadmin: string;
let collector: string;
let demoId: number;
let otherId: number;

const error = (code: number) => ({ code, message: expect.any(String), data: null });

function em(): EntityManager {
  const runtime = platform.platform.subgraphs.find((s) => s.name === 'collections') as unknown as { orm: { em: EntityManager } };
  return forkForTenant(runtime.orm.em, null);
}

const hmacBody = {
  core_base_url: 'https://core.tenant-a.example/',
  ip_whitelist: ['203.0.113.7', '198.51.100.0/24', '2001:db8::/32'],
  outbound_auth: { type: 'hmac', api_key: 'cco-outbound', api_secret: 'a-very-secret-signing-key' },
};

beforeAll(async () => {
  superadmin = await ccoAdminToken(platform.app, 'superadmin', '123456');
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  collector = (await collectorToken(platform, tenantadmin, 'integration_collector')).token;
  const tenants = (await call(platform.app, 'GET', '/api/v1/tenants', { token: superadmin })).body.data.items;
  demoId = tenants.find((t: { tenant_code: string }) => t.tenant_code === 'DEMO').id;
  otherId = (await call(platform.app, 'POST', '/api/v1/tenants', { token: superadmin, body: { tenant_code: 'OTHER_I', tenant_name: 'Other' } })).body.data.id;
});

describe('PUT /api/v1/tenants/{tenant_id}/integration', () => {
  it('sets the integration: 更新成功 with every field, the secret neither answered nor stored in clear', async () => {
    const res = await call(platform.app, 'PUT', `/api/v1/tenants/${demoId}/integration`, { token: tenantadmin, body: hmacBody });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: '更新成功',
      data: {
        tenant_id: demoId,
        core_base_url: 'https://core.tenant-a.example',
        ip_whitelist: ['203.0.113.7', '198.51.100.0/24', '2001:db8::/32'],
        outbound_auth: { type: 'hmac', api_key: 'cco-outbound', token_url: null, client_id: null, scope: null },
        updated_at: expect.stringMatching(CCO_TIME),
      },
    });
    expect(JSON.stringify(res.body)).not.toContain('a-very-secret-signing-key');
    const stored = await em().findOneOrFail(TenantIntegration, { tenantId: demoId }, { populate: ['secretCiphertext'] });
    expect(stored.secretCiphertext).toMatch(/^v1\./);
    expect(stored.secretCiphertext).not.toContain('a-very-secret');
  });

  it('replaces it with OAuth2 client credentials (the super admin, any tenant)', async () => {
    const res = await call(platform.app, 'PUT', `/api/v1/tenants/${otherId}/integration`, {
      token: superadmin,
      body: {
        core_base_url: 'http://127.0.0.1:9999',
        outbound_auth: { type: 'oauth2', token_url: 'http://127.0.0.1:9999/oauth/token', client_id: 'cco', client_secret: 'oauth-secret', scope: 'collection' },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      tenant_id: otherId,
      core_base_url: 'http://127.0.0.1:9999',
      ip_whitelist: [],
      outbound_auth: { type: 'oauth2', api_key: null, token_url: 'http://127.0.0.1:9999/oauth/token', client_id: 'cco', scope: 'collection' },
      updated_at: expect.stringMatching(CCO_TIME),
    });
    expect(JSON.stringify(res.body)).not.toContain('oauth-secret');
  });

  it('is 401 anonymous, 403 for another tenant\'s admin and for a collector, changing nothing', async () => {
    const changed = { ...hmacBody, core_base_url: 'https://elsewhere.example' };
    expect(await call(platform.app, 'PUT', `/api/v1/tenants/${demoId}/integration`, { body: changed })).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'PUT', `/api/v1/tenants/${otherId}/integration`, { token: tenantadmin, body: changed })).toMatchObject({ status: 403, body: error(403) });
    expect(await call(platform.app, 'PUT', `/api/v1/tenants/${demoId}/integration`, { token: collector, body: changed })).toMatchObject({ status: 403, body: error(403) });
    expect((await em().findOneOrFail(TenantIntegration, { tenantId: demoId })).coreBaseUrl).toBe('https://core.tenant-a.example');
    expect((await em().findOneOrFail(TenantIntegration, { tenantId: otherId })).coreBaseUrl).toBe('http://127.0.0.1:9999');
  });

  it.each([
    ['core_base_url', { ...hmacBody, core_base_url: 'ftp://core.example' }],
    ['ip_whitelist', { ...hmacBody, ip_whitelist: ['10.0.0.0/33'] }],
    ['ip_whitelist', { ...hmacBody, ip_whitelist: ['not-an-address'] }],
    ['api_secret', { ...hmacBody, outbound_auth: { type: 'hmac', api_key: 'k' } }],
    ['type', { ...hmacBody, outbound_auth: { type: 'basic', api_key: 'k', api_secret: 's' } }],
    ['token_url', { ...hmacBody, outbound_auth: { type: 'oauth2', client_id: 'c', client_secret: 's' } }],
  ])('is 400 naming %s and changes nothing', async (field, body) => {
    const res = await call(platform.app, 'PUT', `/api/v1/tenants/${demoId}/integration`, { token: tenantadmin, body });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ ...error(400), message: expect.stringContaining(field) });
    const stored = await em().findOneOrFail(TenantIntegration, { tenantId: demoId });
    expect(stored).toMatchObject({ coreBaseUrl: 'https://core.tenant-a.example', authKind: 'hmac', authId: 'cco-outbound' });
    expect(stored.ipWhitelist).toHaveLength(3);
  });
});

describe('GET /api/v1/tenants/{tenant_id}/integration/deliveries', () => {
  beforeAll(async () => {
    const e = em();
    const at = new Date('2026-01-02T03:04:05Z');
    const make = (caseId: number, status: 'pending' | 'delivered' | 'failed', extra: Partial<IntegrationDelivery> = {}) =>
      e.create(IntegrationDelivery, {
        tenantId: demoId,
        caseId,
        caseCode: `CASE_${caseId}`,
        kind: 'case_status',
        targetPath: '/api/collection/case-status',
        body: { case_code: `CASE_${caseId}`, new_status: 'settled' },
        status,
        nextAttemptAt: at,
        ...extra,
      });
    make(1, 'delivered', { attempts: 1, deliveredAt: at });
    make(2, 'pending', { attempts: 3, lastError: 'POST /api/collection/case-status answered 503' });
    make(3, 'failed', { attempts: 1, lastError: 'POST /api/collection/case-status answered 400: case_code is required' });
    e.create(IntegrationDelivery, { tenantId: otherId, caseId: 9, caseCode: 'X', kind: 'ptp', targetPath: '/api/collection/ptp', body: {}, nextAttemptAt: at });
    await e.flush();
  });

  it('pages the tenant\'s deliveries newest first with their state', async () => {
    const res = await call(platform.app, 'GET', `/api/v1/tenants/${demoId}/integration/deliveries?size=2`, { token: tenantadmin });
    expect(res.body.message).toBe('success');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        total: 3,
        page: 1,
        size: 2,
        items: [
          {
            id: expect.any(Number),
            case_id: 3,
            case_code: 'CASE_3',
            kind: 'case_status',
            target_path: '/api/collection/case-status',
            body: { case_code: 'CASE_3', new_status: 'settled' },
            status: 'failed',
            attempts: 1,
            next_attempt_at: null,
            last_error: 'POST /api/collection/case-status answered 400: case_code is required',
            delivered_at: null,
            created_at: expect.stringMatching(CCO_TIME),
          },
          expect.objectContaining({ case_id: 2, status: 'pending', attempts: 3, next_attempt_at: expect.stringMatching(CCO_TIME), last_error: expect.stringContaining('503') }),
        ],
      },
    });
  });

  it('filters by status', async () => {
    const res = await call(platform.app, 'GET', `/api/v1/tenants/${demoId}/integration/deliveries?status=delivered`, { token: superadmin });
    expect(res.body.data.total).toBe(1);
    expect(res.body.data.items[0]).toMatchObject({ case_id: 1, status: 'delivered', delivered_at: expect.stringMatching(CCO_TIME), next_attempt_at: null });
    expect(await call(platform.app, 'GET', `/api/v1/tenants/${demoId}/integration/deliveries?status=lost`, { token: superadmin })).toMatchObject({
      status: 400,
      body: { ...error(400), message: expect.stringContaining('status') },
    });
  });

  it('is 401 anonymous, 404 for another tenant\'s admin, 403 for a collector', async () => {
    const path = (id: number) => `/api/v1/tenants/${id}/integration/deliveries`;
    expect(await call(platform.app, 'GET', path(demoId))).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', path(otherId), { token: tenantadmin })).toMatchObject({ status: 404, body: error(404) });
    expect(await call(platform.app, 'GET', path(demoId), { token: collector })).toMatchObject({ status: 403, body: error(403) });
  });
});

describe('IP whitelist on partner pushes (partner § 8.3)', () => {
  let key: { apiKey: string; secret: string };
  const batch = (no: string, code: string) => ({
    push_batch_no: no,
    cases: [{ case_code: code, user_id: `U_${code}`, user_name: '陈大明', mobile: '+63-917-111-1111', loan_amount: 5000, outstanding_amount: 4700, overdue_days: 15, due_date: '2025-11-05' }],
  });
  const push = (body: unknown, headers: Record<string, string> = {}) => {
    const raw = JSON.stringify(body);
    return call(platform.app, 'POST', '/api/v1/webhook/cases/import', {
      body: raw,
      headers: { 'content-type': 'application/json', ...partnerHeaders({ ...key, tenantCode: 'DEMO' }, raw), ...headers },
    });
  };
  const whitelist = (ip_whitelist: string[]) =>
    call(platform.app, 'PUT', `/api/v1/tenants/${demoId}/integration`, { token: tenantadmin, body: { ...hmacBody, ip_whitelist } });

  beforeAll(async () => {
    const issued = await call(platform.app, 'POST', `/api/v1/tenants/${demoId}/api-credentials`, { token: tenantadmin, body: { name: 'core' } });
    key = { apiKey: issued.body.data.api_key, secret: issued.body.data.api_secret };
  });

  it('refuses a correctly signed push from an address outside the whitelist with 401, applying nothing', async () => {
    expect((await whitelist(['203.0.113.0/24'])).status).toBe(200);
    // The caller here is 127.0.0.1; its own X-Forwarded-For is nobody's word (no trusted proxy) and changes nothing.
    for (const headers of [{}, { 'x-forwarded-for': '203.0.113.5' }] as Record<string, string>[]) {
      const res = await push(batch(`IPW_${Object.keys(headers).length}`, 'CASE_IPW_1'), headers);
      expect(res).toMatchObject({ status: 401, body: { code: 401, message: expect.any(String), data: null } });
    }
    expect(await em().count(CollectionCase, { caseCode: 'CASE_IPW_1' })).toBe(0);
  });

  it('accepts the push from a whitelisted address or CIDR, and from anywhere once the whitelist is empty', async () => {
    expect((await whitelist(['203.0.113.0/24', '127.0.0.0/8'])).status).toBe(200);
    expect(await push(batch('IPW_OK_1', 'CASE_IPW_2'))).toMatchObject({ status: 200, body: { code: 200, data: { success: 1 } } });
    expect((await whitelist([])).status).toBe(200);
    expect(await push(batch('IPW_OK_2', 'CASE_IPW_3'))).toMatchObject({ status: 200, body: { code: 200, data: { success: 1 } } });
    expect(await em().count(CollectionCase, { caseCode: { $in: ['CASE_IPW_2', 'CASE_IPW_3'] } })).toBe(2);
  });
});
