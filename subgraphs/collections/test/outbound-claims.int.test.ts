import { IntegrationDelivery, TenantIntegration } from '@platform/collections';
import { startCoreSimulator, type CoreSimulator } from '@platform/simulator';
import { CollectionsClient, TENANT } from './support/harness';

// On MariaDB: delivery workers racing over the same due rows (as several collections instances do) claim each row
// once, so the core system receives every write-back exactly once and each case's in order.
let client: CollectionsClient;
let core: CoreSimulator;

beforeAll(async () => {
  client = await CollectionsClient.start({ OUTBOUND_POLL_MS: '0' }, {}, 'mariadb');
  core = await startCoreSimulator({ port: 0, tenantCode: 'DEMO', apiKey: 'k', apiSecret: 'claims-secret' });
  const em = client.em(TENANT);
  em.create(TenantIntegration, {
    tenantId: 1,
    coreBaseUrl: core.url,
    ipWhitelist: [],
    authKind: 'hmac',
    authId: 'k',
    secretCiphertext: client.runtime.services.cipher.encrypt('claims-secret'),
  });
  for (let n = 0; n < 60; n++) {
    const caseId = 1000 + (n % 20);
    em.create(IntegrationDelivery, {
      tenantId: 1,
      caseId,
      caseCode: `CASE_${caseId}`,
      kind: 'case_status',
      targetPath: '/api/collection/case-status',
      body: { case_code: `CASE_${caseId}`, new_status: `step_${Math.floor(n / 20)}` },
      nextAttemptAt: new Date(),
    });
  }
  await em.flush();
}, 60_000);
afterAll(async () => {
  await core?.stop();
  await client?.close();
});

it('four workers racing three rounds deliver 60 write-backs of 20 cases once each, in order per case', async () => {
  for (let round = 0; round < 3; round++) {
    const sent = await Promise.all(Array.from({ length: 4 }, () => client.runtime.services.deliveries.runOnce()));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(20);
  }
  const received = core.received().filter((c) => c.path === '/api/collection/case-status');
  expect(received).toHaveLength(60);
  for (let caseId = 1000; caseId < 1020; caseId++) {
    const steps = received.map((c) => c.body as { case_code: string; new_status: string }).filter((b) => b.case_code === `CASE_${caseId}`);
    expect(steps.map((s) => s.new_status)).toEqual(['step_0', 'step_1', 'step_2']);
  }
  const rows = await client.em(TENANT).find(IntegrationDelivery, {});
  expect(rows.every((r) => r.status === 'delivered' && r.attempts === 1 && r.claimToken === null)).toBe(true);
}, 60_000);
