import type { EntityManager } from '@mikro-orm/core';
import { forkForTenant, type SubgraphRuntime } from '@platform/kit';
import { CollectionCase, PartnerPushBatch, Repayment } from '@platform/collections';
import { ApiCredential } from '@platform/identity';
import { useTestPlatform } from '../support/platform';
import { ccoAdminToken } from '../support/contract';
import { issuePartnerKey, partnerCaseRow, partnerHeaders, signedPush, type PartnerKey } from '../support/partner';

/**
 * decisions.md § CCO: 1000 pushes an hour per key, 100 queries a minute → 429. The budgets are RATE_LIMITS classes
 * (`partner_push`, `partner_query`); this platform runs with small ones so the test stays fast.
 */
const PUSHES = 4;
const QUERIES = 3;
const platform = useTestPlatform(undefined, () => ({ RATE_LIMITS: `partner_push:${PUSHES}/3600,partner_query:${QUERIES}/60` }));

let busy: PartnerKey;
let other: PartnerKey;
let em: () => EntityManager;
let identityEm: () => EntityManager;

const VERIFY = 'mutation($i: PartnerRequestInput!, $k: PartnerRequestKind!) { verifyPartnerRequest(input: $i, kind: $k) { tenantId } }';
/** A signed partner read, verified as identity does for any partner query the platform serves. */
async function verifyQuery(key: PartnerKey, n: number): Promise<string | null> {
  const rawBody = JSON.stringify({ query: n });
  const h = partnerHeaders(key, rawBody);
  const input = { apiKey: h['x-api-key'], timestamp: h['x-timestamp'], signature: h['x-signature'], tenantCode: h['x-tenant-code'], rawBody };
  const res = await platform.platform.router.executor.execute({ query: VERIFY, variables: { i: input, k: 'QUERY' }, headers: {} });
  return (res.errors?.[0]?.extensions?.code as string | undefined) ?? null;
}

beforeAll(async () => {
  const admin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  const tenantId = Number(JSON.parse(Buffer.from(admin.split('.')[1], 'base64url').toString()).tid);
  busy = await issuePartnerKey(platform.app, admin, tenantId, 'busy');
  other = await issuePartnerKey(platform.app, admin, tenantId, 'other');
  const collections = platform.platform.subgraphs.find((s) => s.name === 'collections') as SubgraphRuntime & { orm: { em: EntityManager } };
  em = () => forkForTenant(collections.orm.em, null);
  const identity = platform.platform.subgraphs.find((s) => s.name === 'identity') as SubgraphRuntime & { orm: { em: EntityManager } };
  identityEm = () => forkForTenant(identity.orm.em, null);
});

/** Sets a key's last use `agoMs` back and answers that time; or reads it. */
async function lastUsedAt(key: PartnerKey, agoMs?: number): Promise<Date | null> {
  const e = identityEm();
  const credential = await e.findOneOrFail(ApiCredential, { apiKey: key.apiKey });
  if (agoMs !== undefined) {
    credential.lastUsedAt = new Date(Math.floor((Date.now() - agoMs) / 1000) * 1000);
    await e.flush();
  }
  return credential.lastUsedAt;
}

describe('partner rate limits (decisions.md § CCO)', () => {
  it('a key past its pushes gets 429 in the CCO body, and nothing of the push is applied', async () => {
    for (let i = 1; i <= PUSHES; i++) {
      const res = await signedPush(platform.app, busy, '/cases/import', { push_batch_no: `LIMIT_${i}`, cases: [partnerCaseRow(`CASE_L${i}`)] });
      expect(res.status).toBe(200);
    }
    const before = { cases: await em().count(CollectionCase, {}), batches: await em().count(PartnerPushBatch, {}), repayments: await em().count(Repayment, {}) };
    const over = await signedPush(platform.app, busy, '/cases/import', { push_batch_no: 'LIMIT_OVER', cases: [partnerCaseRow('CASE_OVER')] });
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ code: 429, message: '请求过于频繁', data: null });
    const repay = await signedPush(platform.app, busy, '/repayments', { repayment_id: 'PAY_OVER', case_code: 'CASE_L1', repayment_amount: 1, repayment_date: '2025-11-20T15:00:00' });
    expect(repay).toMatchObject({ status: 429, body: { code: 429, data: null } });
    expect({ cases: await em().count(CollectionCase, {}), batches: await em().count(PartnerPushBatch, {}), repayments: await em().count(Repayment, {}) }).toEqual(before);
    expect(await em().findOne(CollectionCase, { caseCode: 'CASE_OVER' })).toBeNull();
  });

  it('the budget is per key: another key of the tenant still pushes', async () => {
    const res = await signedPush(platform.app, other, '/cases/import', { push_batch_no: 'OTHER_1', cases: [partnerCaseRow('CASE_O1')] });
    expect(res.status).toBe(200);
  });

  it('queries have a budget of their own (100 a minute by default), spent apart from pushes', async () => {
    // The busy key has no pushes left, yet reads.
    for (let i = 1; i <= QUERIES; i++) expect(await verifyQuery(busy, i)).toBeNull();
    expect(await verifyQuery(busy, QUERIES + 1)).toBe('RATE_LIMITED');
    expect(await verifyQuery(other, 1)).toBeNull();
  });

  it('a key shows when it was last used, to the minute: a push within the minute does not write it again', async () => {
    const push = (n: number) => signedPush(platform.app, other, '/cases/import', { push_batch_no: `OTHER_USE_${n}`, cases: [partnerCaseRow(`CASE_U${n}`)] });
    const recent = await lastUsedAt(other, 30_000);
    expect((await push(1)).status).toBe(200);
    expect(await lastUsedAt(other)).toEqual(recent);
    const stale = await lastUsedAt(other, 120_000);
    expect((await push(2)).status).toBe(200);
    expect((await lastUsedAt(other))!.getTime()).toBeGreaterThan(stale!.getTime() + 60_000);
  });
});
