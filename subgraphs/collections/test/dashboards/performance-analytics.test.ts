import { CollectionsClient, codeOf, fieldOf, type OrgFixture } from '../support/harness';
import { seedWork } from './work-fixture';

let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  await seedWork(client, org);
});
afterAll(() => client.close());

const PERFORMANCE = `query ($month: String, $collectorId: ID, $page: Int, $pageSize: Int) {
  collectorPerformance(month: $month, collectorId: $collectorId, page: $page, pageSize: $pageSize) {
    total page pageSize
    items { collectorId collectorName month totalCases contactedCases resolvedCases contactRate resolutionRate totalCollectedAmount ptpKeptRate }
  }
}`;
const ANALYTICS = `query ($dateFrom: String, $dateTo: String, $agencyId: ID) {
  dashboardAnalytics(dateFrom: $dateFrom, dateTo: $dateTo, agencyId: $agencyId) {
    dateFrom dateTo totalCases openCases outstandingAmount collectedAmount communications contactedCases contactRate
    ptpCount ptpAmount ptpRate ptpKeptRate
    byQueue { id name caseCount openCases outstandingAmount collectedAmount }
    byAgency { id name caseCount openCases outstandingAmount collectedAmount }
  }
}`;
const MONTH = { month: '2025-11' };

describe('collectorPerformance', () => {
  it('answers a collector’s month: held, contacted and settled cases, rates, exact collections, PTP kept rate', async () => {
    const { collectorPerformance } = await client.ok(org.callers.tenantAdmin, PERFORMANCE, { ...MONTH, collectorId: String(org.collectors.c1.id) });
    expect(collectorPerformance).toEqual({
      total: 1,
      page: 1,
      pageSize: 10,
      items: [{
        collectorId: String(org.collectors.c1.id),
        collectorName: '王小明',
        month: '2025-11',
        totalCases: 2, // K1 and K1B (settled in the month); not K1C (settled before) nor K1D (assigned after)
        contactedCases: 1,
        resolvedCases: 1,
        contactRate: 0.5,
        resolutionRate: 0.5,
        totalCollectedAmount: '300.11', // R1 + R2 (23:30 on the 30th, local); not R3 (next local month) nor R4 (unconfirmed)
        ptpKeptRate: 0.67, // due in the month: 2 kept, 1 broken, 1 pending (undecided)
      }],
    });
  });

  it('without a collector: one row per collector in scope, by id, paged', async () => {
    const { collectorPerformance: all } = await client.ok(org.callers.tenantAdmin, PERFORMANCE, MONTH);
    expect(all.total).toBe(4);
    expect(all.items.map((r: { collectorName: string }) => r.collectorName)).toEqual(['王小明', '李小红', '张小刚', '陈小华']);
    expect(all.items[1]).toMatchObject({ totalCases: 1, contactedCases: 0, resolvedCases: 0, contactRate: 0, totalCollectedAmount: '0', ptpKeptRate: 0 });
    expect(all.items[2]).toMatchObject({ totalCases: 1, contactedCases: 1, contactRate: 1 });
    const second = await client.ok(org.callers.tenantAdmin, PERFORMANCE, { ...MONTH, page: 2, pageSize: 3 });
    expect(second.collectorPerformance).toMatchObject({ total: 4, page: 2, pageSize: 3, items: [{ collectorName: '陈小华', ptpKeptRate: 0 }] });
  });

  it('costs the same few statements for a page of any size', async () => {
    client.sql.reset();
    await client.ok(org.callers.tenantAdmin, PERFORMANCE, MONTH);
    const four = client.sql.count;
    client.sql.reset();
    await client.ok(org.callers.tenantAdmin, PERFORMANCE, { ...MONTH, pageSize: 1 });
    expect(client.sql.count).toBe(four);
    expect(four).toBeGreaterThanOrEqual(6);
    expect(four).toBeLessThanOrEqual(9);
  });

  it('an agency admin sees their agency’s collectors; another agency’s collector is NOT_FOUND; a bad month names month', async () => {
    const { collectorPerformance } = await client.ok(org.callers.agencyAdmin, PERFORMANCE, MONTH);
    expect(collectorPerformance.total).toBe(3);
    expect(codeOf(await client.run(org.callers.agencyAdmin, PERFORMANCE, { ...MONTH, collectorId: String(org.collectors.c4.id) }))).toBe('NOT_FOUND');
    const bad = await client.run(org.callers.tenantAdmin, PERFORMANCE, { month: '2025-13' });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'month']);
  });
});

describe('dashboardAnalytics', () => {
  it('answers the case book by queue and agency and the month’s work, exactly', async () => {
    const { dashboardAnalytics } = await client.ok(org.callers.tenantAdmin, ANALYTICS, { dateFrom: '2025-11-01', dateTo: '2025-11-30' });
    const { A1, A2 } = org.agencies;
    expect(dashboardAnalytics).toEqual({
      dateFrom: '2025-11-01',
      dateTo: '2025-11-30',
      totalCases: 7,
      openCases: 5,
      outstandingAmount: '4123.45',
      collectedAmount: '300.11',
      communications: 7,
      contactedCases: 3,
      contactRate: 0.6,
      ptpCount: 6,
      ptpAmount: '3611.34',
      ptpRate: 1,
      ptpKeptRate: 0.5,
      byQueue: [
        { id: String(org.queues.M2.id), name: 'M2队列', caseCount: 2, openCases: 2, outstandingAmount: '2000', collectedAmount: null },
        { id: null, name: null, caseCount: 5, openCases: 3, outstandingAmount: '2123.45', collectedAmount: null },
      ],
      byAgency: [
        { id: String(A1.id), name: '机构 A1', caseCount: 6, openCases: 4, outstandingAmount: '4000', collectedAmount: '300.11' },
        { id: String(A2.id), name: '机构 A2', caseCount: 1, openCases: 1, outstandingAmount: '123.45', collectedAmount: '0' },
      ],
    });
  });

  it('an agency admin’s analytics hold their agency only; bad dates name the field', async () => {
    const { dashboardAnalytics } = await client.ok(org.callers.agencyAdmin, ANALYTICS, { dateFrom: '2025-11-01', dateTo: '2025-11-30' });
    expect(dashboardAnalytics).toMatchObject({ totalCases: 6, openCases: 4, outstandingAmount: '4000', communications: 6, contactedCases: 2, ptpCount: 5 });
    expect(dashboardAnalytics.byAgency.map((a: { name: string }) => a.name)).toEqual(['机构 A1']);
    const bad = await client.run(org.callers.tenantAdmin, ANALYTICS, { dateFrom: '2025-11-31' });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'dateFrom']);
    const reversed = await client.run(org.callers.tenantAdmin, ANALYTICS, { dateFrom: '2025-11-30', dateTo: '2025-11-01' });
    expect([codeOf(reversed), fieldOf(reversed)]).toEqual(['BAD_USER_INPUT', 'dateTo']);
  });
});
