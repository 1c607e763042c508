import type { EntityManager } from '@mikro-orm/core';
import { forkForTenant, type SubgraphRuntime } from '@platform/kit';
import { CollectionCase, PartnerPushBatch, Repayment, SystemConfig } from '@platform/collections';
import { useTestPlatform } from '../support/platform';
import { call, ccoAdminToken } from '../support/contract';
import { issuePartnerKey, partnerCaseRow, partnerHeaders, signedPush, type PartnerKey, type Signing } from '../support/partner';

/**
 * Every partner route (decisions.md § CCO) refuses a request that is not the tenant's own, fresh and first: a wrong
 * secret or signature, a timestamp more than 300 s stale or ahead, another tenant's code, an unknown or revoked key, no signing
 * headers, a body changed after signing, a replayed signature — each a 401 in the CCO body, and nothing applied.
 */
const platform = useTestPlatform();
const error = (code: number) => ({ code, message: expect.any(String), data: null });

let key: PartnerKey;
let revoked: PartnerKey;
let em: () => EntityManager;

interface PartnerRoute {
  path: string;
  /** A body the route applies when signed properly (`n` keeps each one distinct). */
  body: (n: string) => unknown;
  /** Takes back what the genuine request applied, so a replay that got through would show. */
  undo: (n: string) => Promise<void>;
}

const backToPending = (code: string) => async () => {
  await em().nativeUpdate(CollectionCase, { caseCode: code }, { caseStatus: 'pending_repayment' });
};
const ROUTES: PartnerRoute[] = [
  {
    path: '/cases/import',
    body: (n) => ({ push_batch_no: `AUTH_${n}`, cases: [partnerCaseRow(`CASE_AUTH_${n}`)] }),
    undo: async (n) => {
      await em().nativeDelete(CollectionCase, { caseCode: `CASE_AUTH_${n}` });
      await em().nativeDelete(PartnerPushBatch, { pushBatchNo: `AUTH_${n}` });
    },
  },
  { path: '/cases/status-update', body: () => ({ case_code: 'CASE_STATUS', case_status: 'promised' }), undo: backToPending('CASE_STATUS') },
  {
    path: '/repayments',
    body: (n) => ({ repayment_id: `PAY_${n}`, case_code: 'CASE_PAY', repayment_amount: 10, repayment_date: '2025-11-20T15:00:00' }),
    undo: async (n) => {
      await em().nativeDelete(Repayment, { repaymentId: `PAY_${n}` });
    },
  },
  {
    path: '/repayment-notify',
    body: (n) => ({ notify_type: 'repayment_success', repayment_id: `NOTE_${n}`, case_code: 'CASE_PAY', repayment_amount: 10, transaction_time: '2025-11-20T15:00:00' }),
    undo: async (n) => {
      await em().nativeDelete(Repayment, { repaymentId: `NOTE_${n}` });
    },
  },
  { path: '/case-settled', body: () => ({ notify_type: 'case_settled', case_code: 'CASE_SETTLE', settlement_date: '2025-11-20' }), undo: backToPending('CASE_SETTLE') },
  { path: '/case-recall', body: () => ({ notify_type: 'case_recall', case_code: 'CASE_RECALL', recall_reason: '客户投诉' }), undo: backToPending('CASE_RECALL') },
  {
    path: '/field-mapping',
    body: (n) => ({ mapping_configs: [{ standard_field_key: 'email', tenant_field_key: `mail_${n}` }] }),
    undo: async () => {
      await em().nativeDelete(SystemConfig, { configKey: 'partner.field_mapping' });
    },
  },
  {
    path: '/business-rules',
    body: () => ({ rule_type: 'tenant_settings', rules: [{ rule_key: 'ptp_grace_days', rule_value: 5 }] }),
    undo: async () => {
      await em().nativeDelete(SystemConfig, { configKey: { $in: ['ptp_grace_days', 'business_rules.tenant_settings'] } });
    },
  },
];

/** Everything a partner push can change. */
async function state() {
  const e = em();
  const cases = await e.find(CollectionCase, {}, { orderBy: { id: 'asc' } });
  return {
    cases: cases.map((c) => [c.caseCode, c.caseStatus, c.repaidAmount.toFixed(2), c.outstandingAmount.toFixed(2), c.collectorId ?? null, c.settlementDate ?? null]),
    repayments: await e.count(Repayment, {}),
    batches: await e.count(PartnerPushBatch, {}),
    config: (await e.find(SystemConfig, {}, { orderBy: { id: 'asc' } })).map((r) => [r.configKey, JSON.stringify(r.configValue)]),
  };
}

const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  const admin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  const tenantId = Number(JSON.parse(Buffer.from(admin.split('.')[1], 'base64url').toString()).tid);
  key = await issuePartnerKey(platform.app, admin, tenantId, 'core system');
  revoked = await issuePartnerKey(platform.app, admin, tenantId, 'revoked');
  expect((await call(platform.app, 'DELETE', `/api/v1/tenants/${tenantId}/api-credentials/${revoked.id}`, { token: admin })).status).toBe(200);
  const collections = platform.platform.subgraphs.find((s) => s.name === 'collections') as SubgraphRuntime & { orm: { em: EntityManager } };
  em = () => forkForTenant(collections.orm.em, null);
  const cases = ['CASE_STATUS', 'CASE_PAY', 'CASE_SETTLE', 'CASE_RECALL'].map((code) => partnerCaseRow(code));
  expect((await signedPush(platform.app, key, '/cases/import', { push_batch_no: 'AUTH_SETUP', cases })).body.data).toMatchObject({ success: 4 });
});

describe.each(ROUTES)('POST /api/v1/webhook$path: refused requests apply nothing', (route) => {
  const send = (n: string, signing: Signing) => signedPush(platform.app, key, route.path, route.body(n), signing);
  const refused = async (res: Awaited<ReturnType<typeof send>>) => expect(res).toMatchObject({ status: 401, body: error(401) });

  it('a wrong secret or signature, a stale or future timestamp, another tenant, an unknown or revoked key, no headers: 401', async () => {
    const before = await state();
    await refused(await send('s1', { secret: 'not the secret' }));
    await refused(await send('s2', { signature: 'f'.repeat(64) }));
    await refused(await send('s3', { signature: 'not hex' }));
    // Well past the 300 s either way (the exact bound is the unit test's, on a fixed clock): a second passing
    // before identity reads its clock must not bring a future stamp back inside the window.
    await refused(await send('s4', { timestamp: now() - 310 }));
    await refused(await send('s5', { timestamp: now() + 310 }));
    await refused(await send('s6', { tenantCode: 'OTHER' }));
    await refused(await send('s7', { apiKey: 'ak_unknown' }));
    await refused(await signedPush(platform.app, revoked, route.path, route.body('s8')));
    await refused(await call(platform.app, 'POST', `/api/v1/webhook${route.path}`, { body: route.body('s9') }));
    expect(await state()).toEqual(before);
  });

  it('a body changed after signing: 401', async () => {
    const before = await state();
    const signedRaw = JSON.stringify(route.body('c1'));
    const sentRaw = JSON.stringify(route.body('c2')).replace(/}$/, ',"extra":1}');
    const headers = partnerHeaders(key, signedRaw);
    await refused(await call(platform.app, 'POST', `/api/v1/webhook${route.path}`, { body: sentRaw, headers }));
    expect(await state()).toEqual(before);
  });

  it('a replayed request (same signature) is 401, even once the first one’s effect is gone', async () => {
    const raw = JSON.stringify(route.body('r1'));
    const timestamp = now();
    expect((await signedPush(platform.app, key, route.path, raw, { timestamp })).status).toBe(200);
    await route.undo('r1');
    const before = await state();
    await refused(await signedPush(platform.app, key, route.path, raw, { timestamp }));
    expect(await state()).toEqual(before);
  });
});
