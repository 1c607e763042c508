import Decimal from 'decimal.js';
import { CollectionCase, Communication, Ptp, Repayment } from '@platform/collections';
import type { CollectionsClient, OrgFixture } from '../support/harness';

const DAY = 24 * 3600 * 1000;
const ZONE = 8 * 3600 * 1000; // agency A1: UTC+8

/**
 * A collector's performance and recent days from real rows, one aggregate statement each (CCO admin § 6.4). Shared
 * by the SQLite unit test and the MariaDB integration test: the per-day conditional sums must agree on both.
 */
export function collectorPerformanceSpec(start: () => Promise<CollectionsClient>) {
  let client: CollectionsClient;
  let org: OrgFixture;
  const now = Date.now();
  const todayStart = Math.floor((now + ZONE) / DAY) * DAY - ZONE;
  const today = new Date(todayStart + Math.floor((now - todayStart) / 2));
  const yesterday = new Date(todayStart - 12 * 3600 * 1000);
  const local = (d: number) => new Date(d + ZONE).toISOString().slice(0, 10);

  beforeAll(async () => {
    client = await start();
    org = await client.seedOrg();
    const em = client.em();
    const c1 = org.collectors.c1;
    const kase = (code: string, caseStatus: CollectionCase['caseStatus']) =>
      em.create(CollectionCase, {
        tenantId: 1,
        caseCode: code,
        customerId: code,
        userName: '客户',
        mobile: '+63-917-000-0000',
        loanAmount: new Decimal(5000),
        dueDate: '2025-10-01',
        outstandingAmount: new Decimal(5000),
        overdueDays: 15,
        agencyId: c1.agencyId,
        teamId: c1.teamId,
        collectorId: c1.id,
        caseStatus,
      } as never);
    const cases = [kase('P1', 'pending_repayment'), kase('P2', 'settled'), kase('P3', 'closed'), kase('P4', 'promised')];
    await em.flush();
    const contact = (contactResult: string, contactTime: Date) =>
      em.create(Communication, { tenantId: 1, caseId: cases[0].id, collectorId: c1.id, agencyId: c1.agencyId, contactMethod: 'phone', contactResult, contactTime } as never);
    contact('接通', today);
    contact('未接通', today);
    contact('connected', today);
    contact('关机', yesterday);
    em.create(Ptp, { tenantId: 1, caseId: cases[3].id, collectorId: c1.id, promiseDate: '2030-01-01', promiseAmount: new Decimal(500) } as never);
    const repayment = (id: string, amount: string, confirmed: boolean) =>
      em.create(Repayment, { tenantId: 1, repaymentId: id, caseId: cases[1].id, collectorId: c1.id, repaymentAmount: new Decimal(amount), repaymentDate: today, source: 'partner', confirmed } as never);
    repayment('R1', '1234.56', true);
    repayment('R2', '100.00', true);
    repayment('R3', '50.00', false);
    em.create(Repayment, { tenantId: 1, repaymentId: 'R4', caseId: cases[1].id, collectorId: c1.id, repaymentAmount: new Decimal('20.00'), repaymentDate: yesterday, source: 'partner', confirmed: true } as never);
    await em.flush();
  });
  afterAll(() => client.close());

  it('counts cases, sums confirmed repayments exactly, rates contacts, and buckets days in the agency’s zone', async () => {
    const { collector } = await client.ok(
      org.callers.tenantAdmin,
      'query($id: ID!) { collector(id: $id) { currentCases performance { totalCases resolvedCases resolutionRate totalCollectedAmount contactRate } recentActivities { date contactCount ptpCount collectedAmount } } }',
      { id: String(org.collectors.c1.id) },
    );
    expect(collector.currentCases).toBe(2);
    expect(collector.performance).toEqual({ totalCases: 4, resolvedCases: 2, resolutionRate: 0.5, totalCollectedAmount: '1354.56', contactRate: 0.5 });
    expect(collector.recentActivities).toHaveLength(7);
    expect(collector.recentActivities.slice(0, 3)).toEqual([
      { date: local(todayStart), contactCount: 3, ptpCount: 1, collectedAmount: '1334.56' },
      { date: local(todayStart - DAY), contactCount: 1, ptpCount: 0, collectedAmount: '20' },
      { date: local(todayStart - 2 * DAY), contactCount: 0, ptpCount: 0, collectedAmount: '0' },
    ]);
  });
}
