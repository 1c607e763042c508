import { CollectionsClient, type OrgFixture } from '../support/harness';
import { seedWork } from '../dashboards/work-fixture';

/**
 * The app's figures on MariaDB as on libSQL: local-day grouping and spans in its DATETIME arithmetic, SUM of BIGINT
 * cents, the case bands' date and amount comparisons, the knowledge search's LIKE.
 */
let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start({}, {}, 'mariadb');
  org = await client.seedOrg();
  await seedWork(client, org);
}, 60_000);
afterAll(() => client.close());

it('answers the same daily, performance, case, ranking and dashboard figures on MariaDB', async () => {
  const data = await client.ok(org.callers.c1, `{
    day: myDailyStats(date: "2025-11-20") { contactCount effectiveContactCount ptpCount collectedAmount resolvedCases workingHours hourlyDistribution { hour count } }
    edge: myDailyStats(date: "2025-11-21") { contactCount hourlyDistribution { hour count } }
    myPerformance(period: "custom", startDate: "2025-11-01", endDate: "2025-11-30") {
      caseStatistics { totalCases resolvedCases }
      contactStatistics { totalContacts effectiveContacts }
      ptpStatistics { totalPtp keptPtp brokenPtp pendingPtp }
      collectionStatistics { totalCollectedAmount collectionRate averageCaseAmount }
      workingHours { totalHours averageDailyHours }
      ranking { teamRank teamTotal agencyRank agencyTotal }
    }
    myCaseStats { totalCases byOverdueDays { key count } byContactStatus { key count } }
    collectorRanking(type: "contact", scope: "agency", period: "month") { total }
    myDashboard { todoList { type count } recentActivities { type } }
  }`);
  expect(data.day).toEqual({
    contactCount: 3,
    effectiveContactCount: 2,
    ptpCount: 2,
    collectedAmount: '300.1',
    resolvedCases: 1,
    workingHours: 0.8,
    hourlyDistribution: [{ hour: 9, count: 2 }, { hour: 10, count: 1 }],
  });
  expect(data.edge).toEqual({ contactCount: 1, hourlyDistribution: [{ hour: 0, count: 1 }] });
  expect(data.myPerformance).toEqual({
    caseStatistics: { totalCases: 2, resolvedCases: 1 },
    contactStatistics: { totalContacts: 5, effectiveContacts: 4 },
    ptpStatistics: { totalPtp: 4, keptPtp: 2, brokenPtp: 1, pendingPtp: 1 },
    collectionStatistics: { totalCollectedAmount: '300.11', collectionRate: 0.23, averageCaseAmount: '150.06' },
    workingHours: { totalHours: 0.8, averageDailyHours: 0.3 },
    ranking: { teamRank: 1, teamTotal: 2, agencyRank: 1, agencyTotal: 3 },
  });
  expect(data.myCaseStats).toMatchObject({ totalCases: 2, byOverdueDays: [{ key: 'dpd_1_15', count: 0 }, { key: 'dpd_16_30', count: 0 }, { key: 'dpd_31_plus', count: 2 }] });
  expect(data.collectorRanking.total).toBe(3);
  expect(data.myDashboard.recentActivities.length).toBeGreaterThan(0);
});

it('searches the knowledge base literally on MariaDB', async () => {
  const create = 'mutation($i: KnowledgeArticleInput!) { createKnowledgeArticle(input: $i) { id } }';
  await client.ok(org.callers.tenantAdmin, create, { i: { kind: 'faq', title: '100% 还清的客户', content: '结案' } });
  await client.ok(org.callers.tenantAdmin, create, { i: { kind: 'faq', title: '1000 元以下', content: '小额' } });
  const search = 'query($k: String!) { searchKnowledge(keyword: $k) { total } }';
  expect((await client.ok(org.callers.c1, search, { k: '100%' })).searchKnowledge.total).toBe(1);
  expect((await client.ok(org.callers.c1, search, { k: '100' })).searchKnowledge.total).toBe(2);
});
