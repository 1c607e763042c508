import { randomUUID } from 'node:crypto';
import { IntegrationDelivery, SystemConfig, TenantIntegration, type DeliveryKind } from '@platform/collections';
import { startCoreSimulator, type CoreSimulator } from '@platform/simulator';
import { CollectionsClient, codeOf, OTHER_TENANT, TENANT, type OrgFixture } from '../support/harness';

const tenantId = Number(TENANT);
let client: CollectionsClient;
let core: CoreSimulator;
let org: OrgFixture;

beforeAll(async () => {
  // No timer: each test runs the delivery worker itself.
  client = await CollectionsClient.start({ OUTBOUND_POLL_MS: '0', OUTBOUND_BACKOFF_BASE_MS: '60000', OUTBOUND_BREAKER_FAILURES: '100' });
  core = await startCoreSimulator({ port: 0, tenantCode: 'DEMO', apiKey: 'cco-out', apiSecret: 'cco-out-secret' });
  const em = client.em(TENANT);
  em.create(TenantIntegration, {
    tenantId,
    coreBaseUrl: core.url,
    ipWhitelist: [],
    authKind: 'hmac',
    authId: 'cco-out',
    secretCiphertext: client.runtime.services.cipher.encrypt('cco-out-secret'),
  });
  await em.flush();
  org = await client.seedOrg();
});
afterAll(async () => {
  await core.stop();
  await client.close();
});

const PATHS: Record<DeliveryKind, string> = {
  communication: '/api/collection/communications',
  ptp: '/api/collection/ptp',
  result: '/api/collection/results',
  case_status: '/api/collection/case-status',
};

/** Queues one write-back of `kind` for case `caseId`, its body naming it `label`. */
async function queue(caseId: number, kind: DeliveryKind, label: string, nextAttemptAt = new Date()): Promise<IntegrationDelivery> {
  const em = client.em(TENANT);
  const body: Record<string, unknown> = { case_code: `CASE_${caseId}`, label };
  if (kind === 'communication') body.communication_id = label;
  if (kind === 'ptp') body.ptp_id = label;
  if (kind === 'result') body.collection_result = 'settled';
  if (kind === 'case_status') body.new_status = label;
  const row = em.create(IntegrationDelivery, { tenantId, caseId, caseCode: `CASE_${caseId}`, kind, targetPath: PATHS[kind], body, nextAttemptAt });
  await em.flush();
  return row;
}

const labelsReceived = (from: number) =>
  core
    .received()
    .slice(from)
    .map((c) => (c.body as { label: string }).label);

const reload = (row: IntegrationDelivery) => client.em(TENANT).findOneOrFail(IntegrationDelivery, { id: row.id });

describe('write-back delivery worker', () => {
  it('sends each case\'s deliveries in order: one per case per run, the next only once the previous is delivered', async () => {
    const from = core.received().length;
    await queue(101, 'communication', 'a1');
    await queue(101, 'ptp', 'a2');
    await queue(102, 'case_status', 'b1');
    await queue(101, 'case_status', 'a3');
    await queue(102, 'result', 'b2');

    expect(await client.runtime.services.deliveries.runOnce()).toBe(2);
    expect(labelsReceived(from)).toEqual(['a1', 'b1']);
    expect(await client.runtime.services.deliveries.runOnce()).toBe(2);
    expect(await client.runtime.services.deliveries.runOnce()).toBe(1);
    expect(await client.runtime.services.deliveries.runOnce()).toBe(0);
    expect(labelsReceived(from)).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
    expect(core.received().slice(from).every((c) => c.authenticated)).toBe(true);

    const rows = await client.em(TENANT).find(IntegrationDelivery, { caseId: { $in: [101, 102] } });
    expect(rows.map((r) => [r.status, r.attempts, r.lastError ?? null])).toEqual(Array(5).fill(['delivered', 1, null]));
    expect(rows.every((r) => r.deliveredAt instanceof Date)).toBe(true);
    expect(core.book.writeBacks('CASE_101').communications).toEqual([expect.objectContaining({ communication_id: 'a1' })]);
  });

  it('holds a case back while its earliest delivery waits for a retry, without holding other cases', async () => {
    const from = core.received().length;
    const waiting = await queue(201, 'case_status', 'w1', new Date(Date.now() + 60_000));
    const behind = await queue(201, 'case_status', 'w2');
    await queue(202, 'case_status', 'x1');

    expect(await client.runtime.services.deliveries.runOnce()).toBe(1);
    expect(labelsReceived(from)).toEqual(['x1']);
    expect((await reload(behind)).status).toBe('pending');
    expect((await reload(waiting)).attempts).toBe(0);
  });

  it('records a failed try (attempts, last_error, a later next attempt) while the core system is down, and gives up on a refusal', async () => {
    const refused = await queue(301, 'communication', 'r1');
    await client.em(TENANT).nativeUpdate(IntegrationDelivery, { id: refused.id }, { body: { case_code: 'CASE_301', label: 'r1' } });
    const next = await queue(301, 'case_status', 'r2');
    expect(await client.runtime.services.deliveries.runOnce()).toBe(0);
    expect(await reload(refused)).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('400: communication_id is required') });

    await core.stop();
    try {
      const before = Date.now();
      expect(await client.runtime.services.deliveries.runOnce()).toBe(0);
      const row = await reload(next);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('unreachable') });
      // first retry: between half the base (30 s) and the base (60 s)
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 30_000);
      expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
      expect(await client.runtime.services.deliveries.runOnce()).toBe(0);
      expect((await reload(next)).attempts).toBe(1);
    } finally {
      await core.restart();
    }
  });

  const RETRY = 'mutation($t: ID!, $id: ID!) { retryIntegrationDelivery(tenantId: $t, id: $id) { id status attempts nextAttemptAt lastError } }';
  const retry = (who: keyof OrgFixture['callers'], id: number | string, tenant = TENANT) => client.run(org.callers[who], RETRY, { t: tenant, id: String(id) });

  it('sends a failed write-back again when an admin retries it, in its case\'s order, and refuses any other retry', async () => {
    const gaveUp = await queue(401, 'case_status', 'f1');
    await client.em(TENANT).nativeUpdate(IntegrationDelivery, { id: gaveUp.id }, { status: 'failed', attempts: 8, lastError: '503 from the core system' });
    const later = await queue(401, 'case_status', 'f2', new Date(Date.now() + 60_000));

    // Not this tenant's, not there, not failed: refused, nothing changed.
    expect(codeOf(await retry('otherTenantAdmin', gaveUp.id))).toBe('FORBIDDEN');
    expect(codeOf(await retry('otherTenantAdmin', gaveUp.id, OTHER_TENANT))).toBe('NOT_FOUND');
    expect(codeOf(await retry('tenantAdmin', 999_999))).toBe('NOT_FOUND');
    expect(codeOf(await retry('tenantAdmin', 'x'))).toBe('NOT_FOUND');
    expect(codeOf(await retry('tenantAdmin', later.id))).toBe('BAD_USER_INPUT');
    expect(await reload(gaveUp)).toMatchObject({ status: 'failed', attempts: 8 });
    expect(await reload(later)).toMatchObject({ status: 'pending', attempts: 0 });

    const answer = await retry('tenantAdmin', gaveUp.id);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      retryIntegrationDelivery: { id: String(gaveUp.id), status: 'pending', attempts: 0, nextAttemptAt: expect.any(String), lastError: '503 from the core system' },
    });
    // Retried once: a second retry finds it pending.
    expect(codeOf(await retry('tenantAdmin', gaveUp.id))).toBe('BAD_USER_INPUT');

    const from = core.received().length;
    expect(await client.runtime.services.deliveries.runOnce()).toBe(1);
    expect(labelsReceived(from)).toEqual(['f1']);
    expect(await reload(gaveUp)).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });
    expect((await reload(later)).status).toBe('pending');
  });

  /** identity's `tenant.changed` with the tenant's code; waits until collections keeps it. */
  async function announceCode(code: string): Promise<void> {
    const payload = { tenantId, code };
    await client.runtime.bus.publish([{ id: randomUUID(), topic: 'tenant.changed', tenantId: TENANT, aggregateId: TENANT, payload, occurredAt: new Date().toISOString() }]);
    for (let i = 0; i < 300; i++) {
      const row = await client.em(null).findOne(SystemConfig, { tenantId, configKey: 'tenant_code' }, { refresh: true });
      if (row?.configValue === code) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`collections did not keep the tenant code ${code}`);
  }

  it('names the tenant by the code identity announced (X-Tenant-Code), which the core system checks', async () => {
    await announceCode('DEMO');
    const from = core.received().length;
    await queue(501, 'case_status', 'c1');
    expect(await client.runtime.services.deliveries.runOnce()).toBe(1);
    expect(core.received().slice(from).map((c) => [c.headers['x-tenant-code'], c.authenticated])).toEqual([['DEMO', true]]);

    // Renamed in identity while the core system still knows the old code: it refuses, and the row waits for a retry.
    await announceCode('RENAMED');
    try {
      const refused = await queue(502, 'case_status', 'c2');
      expect(await client.runtime.services.deliveries.runOnce()).toBe(0);
      expect(core.received().at(-1)?.headers['x-tenant-code']).toBe('RENAMED');
      expect(await reload(refused)).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('401') });
    } finally {
      await announceCode('DEMO');
    }
  });
});
