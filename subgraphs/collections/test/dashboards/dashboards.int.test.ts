import { CollectionsClient, type OrgFixture } from '../support/harness';
import { seedWork } from './work-fixture';

/** The same figures on MariaDB: its DATETIME arithmetic (local hour), SUM of BIGINT cents, COUNT(DISTINCT). */
let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start({}, {}, 'mariadb');
  org = await client.seedOrg();
  await seedWork(client, org);
}, 60_000);
afterAll(() => client.close());

it('counts the local day, its hours, exact sums and the month on MariaDB as on libSQL', async () => {
  const day = { date: '2025-11-20' };
  const data = await client.ok(org.callers.tenantAdmin, `query ($date: String, $c1: ID) {
    communicationStats(date: $date) { total byHour { hour count } }
    ptpStats(date: $date) { total totalPromiseAmount }
    qualityInspectionStats(date: $date) { averageScore }
    collectorPerformance(month: "2025-11", collectorId: $c1) { items { totalCases contactedCases resolvedCases totalCollectedAmount ptpKeptRate } }
    dashboardAnalytics(dateFrom: "2025-11-01", dateTo: "2025-11-30") { totalCases openCases outstandingAmount collectedAmount communications contactedCases ptpAmount ptpKeptRate }
    idleCollectors(agencyId: "${org.agencies.A1.id}", date: $date) { idleCollectors { collectorName idleMinutes } }
  }`, { ...day, c1: String(org.collectors.c1.id) });
  expect(data.communicationStats).toEqual({ total: 5, byHour: [{ hour: 9, count: 2 }, { hour: 10, count: 2 }, { hour: 11, count: 1 }] });
  expect(data.ptpStats).toEqual({ total: 4, totalPromiseAmount: '3600.34' });
  expect(data.qualityInspectionStats).toEqual({ averageScore: 78.33 });
  expect(data.collectorPerformance.items).toEqual([{ totalCases: 2, contactedCases: 1, resolvedCases: 1, totalCollectedAmount: '300.11', ptpKeptRate: 0.67 }]);
  expect(data.dashboardAnalytics).toEqual({
    totalCases: 7, openCases: 5, outstandingAmount: '4123.45', collectedAmount: '300.11', communications: 7, contactedCases: 3, ptpAmount: '3611.34', ptpKeptRate: 0.5,
  });
  expect(data.idleCollectors.idleCollectors.map((c: { idleMinutes: number }) => c.idleMinutes)).toEqual([540, 540, 475]);
});
