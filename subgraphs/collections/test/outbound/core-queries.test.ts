import { CollectionCase, TenantIntegration } from '@platform/collections';
import { startCoreSimulator, type CoreSimulator } from '@platform/simulator';
import { makeCase } from '../support/case-fixtures';
import { CollectionsClient, TENANT, type OrgFixture } from '../support/harness';

const CASE = '{ caseFromCore(caseId: "ID") { caseCode customer loan repayments status } }';
let client: CollectionsClient;
let org: OrgFixture;
let core: CoreSimulator;

beforeAll(async () => {
  client = await CollectionsClient.start({ OUTBOUND_POLL_MS: '0', OUTBOUND_BREAKER_FAILURES: '2', OUTBOUND_BREAKER_COOLDOWN_MS: '60000' });
  org = await client.seedOrg();
  core = await startCoreSimulator({ port: 0, tenantCode: 'DEMO', apiKey: 'k', apiSecret: 'core-read-secret', oauth: { clientId: 'cco', clientSecret: 'oauth-secret' } });
  const em = client.em(TENANT);
  em.create(TenantIntegration, {
    tenantId: Number(TENANT),
    coreBaseUrl: core.url,
    ipWhitelist: [],
    authKind: 'oauth2',
    authId: 'cco',
    tokenUrl: `${core.url}/oauth/token`,
    secretCiphertext: client.runtime.services.cipher.encrypt('oauth-secret'),
  });
  await em.flush();
});
afterAll(async () => {
  await core.stop();
  await client.close();
});

describe('reads from the core system (partner §§ 3, 6)', () => {
  it('refreshes a case from the core: customer (masked), loan, repayments and status, over one cached OAuth2 token', async () => {
    const c = await makeCase(client, { collector: org.collectors.c1 });
    await client.em(null).nativeUpdate(CollectionCase, { id: c.id }, { loanId: 'LOAN_R1' });
    core.book.putCase({ case_code: c.caseCode, user_id: 'USER_001', loan_id: 'LOAN_R1', loan_amount: 10000 });
    core.book.addRepayment(c.caseCode, { repayment_id: 'PAY_R1', repayment_amount: 1500 });

    const seen = await client.ok(org.callers.c1, CASE.replace('ID', String(c.id)));
    const view = seen.caseFromCore;
    expect(view.caseCode).toBe(c.caseCode);
    expect(view.customer).toMatchObject({ user_id: 'USER_001', nationality: 'PH' });
    expect(view.customer.mobile).toMatch(/^\+63-917-\*{3}-\*{2}\d\d$/);
    expect(view.customer.bank_accounts[0].account_no).toMatch(/^\*{4}\d{4}$/);
    expect(view.loan).toMatchObject({ loan_id: 'LOAN_R1', loan_amount: 10000, repayment_summary: { total_repaid: 1500 } });
    expect(view.repayments).toMatchObject({ loan_id: 'LOAN_R1', total_repayments: 1, repayments: [expect.objectContaining({ repayment_id: 'PAY_R1' })] });
    expect(view.status).toMatchObject({ case_code: c.caseCode, case_status: 'partial_repayment' });

    const unmasked = await client.ok(org.callers.tenantAdmin, CASE.replace('ID', String(c.id)));
    expect(unmasked.caseFromCore.customer.mobile).toBe(core.book.customer('USER_001').mobile);

    const calls = core.received();
    expect(calls.filter((r) => r.path === '/oauth/token')).toHaveLength(1);
    expect(calls.filter((r) => r.path !== '/oauth/token').every((r) => r.authenticated && r.headers.authorization?.startsWith('Bearer '))).toBe(true);
  });

  it('answers the core\'s § 6 statistics to the tenant\'s admins', async () => {
    const overview = await client.ok(org.callers.tenantAdmin, '{ coreCaseOverview(tenantId: "1", date: "2025-11-20") }');
    expect(overview.coreCaseOverview).toMatchObject({ date: '2025-11-20', total_overdue_cases: expect.any(Number), by_dpd: { dpd_1_30: expect.any(Object) } });
    const products = await client.ok(org.callers.tenantAdmin, '{ coreStatisticsByProduct(tenantId: "1") }');
    expect(products.coreStatisticsByProduct.products).toEqual(expect.any(Array));
    const bad = await client.run(org.callers.tenantAdmin, '{ coreCaseOverview(tenantId: "1", date: "yesterday") }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
  });

  it('is UNAVAILABLE naming why when the core does not answer, then while the circuit is open', async () => {
    const c = await makeCase(client, { collector: org.collectors.c1 });
    await core.stop();
    try {
      const query = CASE.replace('ID', String(c.id));
      const down = await client.run(org.callers.c1, query);
      expect(down.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'UNREACHABLE' });
      await client.run(org.callers.c1, query);
      const paused = await client.run(org.callers.c1, query);
      expect(paused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'CIRCUIT_OPEN' });
      expect(paused.errors?.[0]?.message).toMatch(/circuit open/);
    } finally {
      await core.restart();
    }
  });

  it('is BUSINESS_RULE for a tenant without an integration', async () => {
    const other = await client.run(org.callers.otherTenantAdmin, '{ coreCaseOverview(tenantId: "2") }');
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BUSINESS_RULE', reason: 'NO_INTEGRATION' });
  });
});
