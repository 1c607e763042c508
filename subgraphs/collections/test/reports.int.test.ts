import { Decimal } from '@platform/kit';
import { CollectionCase, FieldDisplay, Repayment } from '@platform/collections';
import { PLATFORM_START_MS } from '@platform/testkit';
import { CollectionsClient, type OrgFixture } from './support/harness';

/** The export reads raw rows, which each driver answers in its own types (BIGINT, DATETIME, JSON): MariaDB here. */
let client: CollectionsClient;
let org: OrgFixture;

beforeAll(async () => {
  client = await CollectionsClient.start({}, {}, 'mariadb');
  org = await client.seedOrg();
  const em = client.em(null);
  const c1 = org.collectors.c1;
  const aCase = em.create(CollectionCase, {
    tenantId: 1,
    caseCode: 'CASE_001',
    customerId: 'USER_001',
    userName: '陈大明',
    mobile: '+63-917-111-1111',
    loanAmount: new Decimal('5000'),
    outstandingAmount: new Decimal('4000.5'),
    interestRate: new Decimal('0.15'),
    dueDate: '2025-11-05',
    overdueDays: 15,
    caseTags: ['vip', 'm1'],
    customFields: { risk_score: 87 },
    agencyId: c1.agencyId,
    teamId: c1.teamId,
    collectorId: c1.id,
    assignedAt: new Date('2025-11-18T01:00:00.123Z'),
  });
  em.create(FieldDisplay, { tenantId: 1, sceneType: 'export', fieldKey: 'risk_score', fieldName: '风险分', fieldSource: 'custom' });
  await em.flush();
  em.create(Repayment, { tenantId: 1, collectorId: c1.id, repaymentId: 'R1', caseId: aCase.id, repaymentAmount: new Decimal('1000.10'), repaymentDate: new Date('2025-11-20T02:00:00Z'), source: 'partner' });
  await em.flush();
}, PLATFORM_START_MS);
afterAll(() => client?.close());

it('money, rates, times, JSON and custom fields read from MariaDB rows as on SQLite', async () => {
  const { caseExportPage } = await client.ok<{ caseExportPage: { rows: unknown[][] } }>(
    org.callers.tenantAdmin,
    'query ($f: [String!]!) { caseExportPage(fields: $f) { rows } }',
    { f: ['case_code', 'loan_amount', 'outstanding_amount', 'interest_rate', 'overdue_days', 'case_tags', 'assigned_at', 'risk_score', 'collector_name'] },
  );
  expect(caseExportPage.rows).toEqual([['CASE_001', '5000.00', '4000.50', '0.15', '15', 'vip,m1', '2025-11-18T01:00:00.123Z', '87', '王小明']]);
  const { performanceReportPage } = await client.ok<{ performanceReportPage: { rows: unknown[][] } }>(
    org.callers.tenantAdmin,
    '{ performanceReportPage(month: "2025-11", first: 1) { rows } }',
  );
  expect(performanceReportPage.rows[0].slice(6)).toEqual(['1', '0', '0', '0.00', '0.00', '1000.10', '0.00']);
});
