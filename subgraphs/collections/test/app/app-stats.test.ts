import { Decimal } from '@platform/kit';
import { CollectionCase, Communication, Ptp, Repayment } from '@platform/collections';
import { CollectionsClient, codeOf, fieldOf, type OrgFixture } from '../support/harness';
import { seedWork } from '../dashboards/work-fixture';

/**
 * The collector app's statistics (CCO app § 8) against the dashboards' hand-built work of 2025-11-20 (UTC+8), rows on
 * the days around it, the next month and tenant 2: every figure is exact, and the local-day edges hold.
 */
let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  await seedWork(client, org);
});
afterAll(() => client.close());

const DAILY = `query ($date: String) {
  myDailyStats(date: $date) {
    date contactCount effectiveContactCount contactRate ptpCount collectedAmount resolvedCases workingHours hourlyDistribution { hour count }
  }
}`;
const PERFORMANCE = `query ($period: String!, $startDate: String, $endDate: String) {
  myPerformance(period: $period, startDate: $startDate, endDate: $endDate) {
    period startDate endDate
    caseStatistics { totalCases newCases resolvedCases resolutionRate }
    contactStatistics { totalContacts effectiveContacts contactRate averageCallDuration }
    ptpStatistics { totalPtp keptPtp brokenPtp pendingPtp ptpKeptRate }
    collectionStatistics { totalCollectedAmount collectionRate averageCaseAmount }
    workingHours { totalHours averageDailyHours onlineRate }
    ranking { teamRank teamTotal agencyRank agencyTotal }
  }
}`;
const CASES = `{ myCaseStats { totalCases byStatus { key count } byOverdueDays { key count } byAmount { key count } byContactStatus { key count } } }`;
const RANKING = `query ($type: String!, $scope: String!, $period: String!) {
  collectorRanking(type: $type, scope: $scope, period: $period) { type scope period total myRanking { rank collectorName value } top10 { rank collectorName value } }
}`;

describe('myDailyStats', () => {
  it('counts the collector’s own work of the local day exactly', async () => {
    const { myDailyStats } = await client.ok(org.callers.c1, DAILY, { date: '2025-11-20' });
    expect(myDailyStats).toEqual({
      date: '2025-11-20',
      contactCount: 3,
      effectiveContactCount: 2,
      contactRate: 0.67,
      ptpCount: 2,
      collectedAmount: '300.1',
      resolvedCases: 1,
      workingHours: 0.8, // 09:15 → 10:05
      hourlyDistribution: [{ hour: 9, count: 2 }, { hour: 10, count: 1 }],
    });
  });

  it('puts work just before and after local midnight on its own local day', async () => {
    const before = (await client.ok(org.callers.c1, DAILY, { date: '2025-11-19' })).myDailyStats;
    expect(before).toMatchObject({ contactCount: 1, ptpCount: 1, collectedAmount: '0', hourlyDistribution: [{ hour: 23, count: 1 }] });
    const after = (await client.ok(org.callers.c1, DAILY, { date: '2025-11-21' })).myDailyStats;
    // R4 (50.00 that day) is not confirmed.
    expect(after).toMatchObject({ contactCount: 1, effectiveContactCount: 1, ptpCount: 0, collectedAmount: '0', hourlyDistribution: [{ hour: 0, count: 1 }] });
    const monthEnd = (await client.ok(org.callers.c1, DAILY, { date: '2025-11-30' })).myDailyStats;
    expect(monthEnd.collectedAmount).toBe('0.01'); // 23:30 local, 15:30 UTC
  });

  it('another collector sees only their own work', async () => {
    const { myDailyStats } = await client.ok(org.callers.c3, DAILY, { date: '2025-11-20' });
    expect(myDailyStats).toMatchObject({ contactCount: 1, effectiveContactCount: 0, ptpCount: 0, collectedAmount: '0', hourlyDistribution: [{ hour: 10, count: 1 }] });
  });

  it('a date that is not YYYY-MM-DD is BAD_USER_INPUT naming date', async () => {
    const res = await client.run(org.callers.c1, DAILY, { date: '2025-02-30' });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('date');
  });

  it('an administrator without a staff profile is FORBIDDEN', async () => {
    expect(codeOf(await client.run(org.callers.tenantAdmin, DAILY, { date: '2025-11-20' }))).toBe('FORBIDDEN');
  });
});

describe('myPerformance', () => {
  it('a custom month: cases held, contacts, promises, collected amount, time worked and ranking, exactly', async () => {
    const { myPerformance } = await client.ok(org.callers.c1, PERFORMANCE, { period: 'custom', startDate: '2025-11-01', endDate: '2025-11-30' });
    expect(myPerformance).toEqual({
      period: 'custom',
      startDate: '2025-11-01',
      endDate: '2025-11-30',
      // K1 and K1B (settled 11-20) were held; K1C was settled before, K1D assigned after.
      caseStatistics: { totalCases: 2, newCases: 0, resolvedCases: 1, resolutionRate: 0.5 },
      // 11-19 23:30, three on 11-20, 11-21 00:10 (local); four reached someone.
      contactStatistics: { totalContacts: 5, effectiveContacts: 4, contactRate: 0.8, averageCallDuration: 0 },
      // Made 11-05 (broken), 11-19 (kept), 11-20 (pending, kept); the one made 12-01 00:00+ is next month's.
      ptpStatistics: { totalPtp: 4, keptPtp: 2, brokenPtp: 1, pendingPtp: 1, ptpKeptRate: 0.5 },
      // R1 300.10 + R2 0.01 (11-30 23:30); R3 is 12-01 00:30 local, R4 unconfirmed. 300.11 / (300.11 + 1000.00 owed).
      collectionStatistics: { totalCollectedAmount: '300.11', collectionRate: 0.23, averageCaseAmount: '150.06' },
      // 50 minutes on 11-20, single contacts on 11-19 and 11-21: 0.8 h over 3 days; 20 weekdays × 9 h scheduled.
      workingHours: { totalHours: 0.8, averageDailyHours: 0.3, onlineRate: 0 },
      // A1's active collectors c1, c2, c3 (T1: c1, c2); only c1 collected.
      ranking: { teamRank: 1, teamTotal: 2, agencyRank: 1, agencyTotal: 3 },
    });
  });

  it('custom needs both dates in order, at most a year apart; an unknown period is refused', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ period: 'custom', endDate: '2025-11-30' }, 'startDate'],
      [{ period: 'custom', startDate: '2025-11-01' }, 'endDate'],
      [{ period: 'custom', startDate: '2025-11-30', endDate: '2025-11-01' }, 'endDate'],
      [{ period: 'custom', startDate: '2024-01-01', endDate: '2025-01-01' }, 'endDate'],
      [{ period: 'year' }, 'period'],
    ];
    for (const [variables, field] of cases) {
      const res = await client.run(org.callers.c1, PERFORMANCE, variables);
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', field]);
    }
  });

  it('today, week and month are whole local periods (week Monday to Sunday, month to its last day)', async () => {
    for (const period of ['today', 'week', 'month']) {
      const { myPerformance } = await client.ok(org.callers.c1, PERFORMANCE, { period });
      const { startDate, endDate } = myPerformance as { startDate: string; endDate: string };
      const span = (Date.parse(endDate) - Date.parse(startDate)) / 86_400_000;
      if (period === 'today') expect(span).toBe(0);
      if (period === 'week') expect([span, new Date(startDate).getUTCDay()]).toEqual([6, 1]);
      if (period === 'month') expect([startDate.slice(8), new Date(Date.parse(endDate) + 86_400_000).getUTCDate()]).toEqual(['01', 1]);
    }
  });
});

describe('myCaseStats', () => {
  it('bands the collector’s open cases by status, overdue days, amount and last contact', async () => {
    const em = client.em();
    const { c2 } = org.collectors;
    const now = Date.now();
    const daysAgo = (d: number) => new Date(now - d * 86_400_000);
    const make = (code: string, extra: Partial<CollectionCase>) =>
      em.create(CollectionCase, {
        tenantId: 1,
        collectorId: c2.id,
        agencyId: c2.agencyId,
        teamId: c2.teamId ?? null,
        caseCode: code,
        customerId: code,
        userName: code,
        mobile: '+639170000000',
        loanAmount: new Decimal('1000.00'),
        dueDate: '2025-10-01',
        outstandingAmount: new Decimal('1000.00'),
        overdueDays: 5,
        assignedAt: daysAgo(30),
        ...extra,
      });
    make('S1', { overdueDays: 15, outstandingAmount: new Decimal('4999.99'), lastContactAt: new Date(now) });
    make('S2', { overdueDays: 16, outstandingAmount: new Decimal('5000.00'), caseStatus: 'partial_repayment', lastContactAt: daysAgo(2) });
    make('S3', { overdueDays: 30, outstandingAmount: new Decimal('10000.00'), caseStatus: 'promised', lastContactAt: daysAgo(5) });
    make('S4', { overdueDays: 31, outstandingAmount: new Decimal('10000.01'), lastContactAt: daysAgo(20) });
    make('S5', { overdueDays: 1 });
    make('S6', { caseStatus: 'settled', outstandingAmount: new Decimal(0) }); // not open
    await em.flush();
    client.sql.reset();
    const { myCaseStats } = await client.ok(org.callers.c2, CASES);
    const kc = (entries: Record<string, number>) => Object.entries(entries).map(([key, count]) => ({ key, count }));
    expect(myCaseStats).toEqual({
      totalCases: 6, // K2 of the fixture and S1–S5
      byStatus: kc({ pending_repayment: 4, partial_repayment: 1, ptp_pending: 1 }),
      byOverdueDays: kc({ dpd_1_15: 2, dpd_16_30: 2, dpd_31_plus: 2 }),
      byAmount: kc({ under_5000: 3, '5000_10000': 2, over_10000: 1 }),
      byContactStatus: kc({ never_contacted: 2, contacted_today: 1, last_contact_3_days: 1, last_contact_7_days: 1, last_contact_over_7_days: 1 }),
    });
  });
});

describe('collectorRanking', () => {
  it('ranks the team by collected amount this month by default; equal values share a rank', async () => {
    const em = client.em();
    const { c1, c2 } = org.collectors;
    const k = await em.findOneOrFail(CollectionCase, { caseCode: 'K2' });
    const now = new Date();
    em.create(Repayment, { tenantId: 1, collectorId: c2.id, agencyId: c2.agencyId, teamId: c2.teamId, caseId: k.id, repaymentId: 'RK-1', repaymentDate: now, repaymentAmount: new Decimal('20.50'), source: 'partner' });
    em.create(Repayment, { tenantId: 1, collectorId: c1.id, agencyId: c1.agencyId, teamId: c1.teamId, caseId: k.id, repaymentId: 'RK-2', repaymentDate: now, repaymentAmount: new Decimal('10.25'), source: 'partner' });
    await em.flush();
    const { collectorRanking } = await client.ok(org.callers.c1, RANKING, { type: 'collected_amount', scope: 'team', period: 'month' });
    expect(collectorRanking).toEqual({
      type: 'collected_amount',
      scope: 'team',
      period: 'month',
      total: 2,
      myRanking: { rank: 2, collectorName: '王小明', value: '10.25' },
      top10: [
        { rank: 1, collectorName: '李小红', value: '20.5' },
        { rank: 2, collectorName: '王小明', value: '10.25' },
      ],
    });
    const agency = (await client.ok(org.callers.c3, RANKING, { type: 'contact', scope: 'agency', period: 'today' })).collectorRanking;
    expect(agency).toMatchObject({ total: 3, myRanking: { rank: 1, value: '0' }, top10: [{ rank: 1 }, { rank: 1 }, { rank: 1 }] });
    const all = (await client.ok(org.callers.c4, RANKING, { type: 'ptp', scope: 'all', period: 'week' })).collectorRanking;
    expect(all.total).toBe(4); // tenant 1's collectors only
  });

  it('an unknown type, scope or period is BAD_USER_INPUT naming it', async () => {
    for (const [variables, field] of [
      [{ type: 'calls', scope: 'team', period: 'month' }, 'type'],
      [{ type: 'ptp', scope: 'world', period: 'month' }, 'scope'],
      [{ type: 'ptp', scope: 'team', period: 'year' }, 'period'],
    ] as const) {
      const res = await client.run(org.callers.c1, RANKING, variables);
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', field]);
    }
  });
});

describe('myDashboard', () => {
  const DASHBOARD = `{ myDashboard {
    today { date contactCount ptpCount collectedAmount }
    month { month totalContactCount totalPtpCount totalCollectedAmount totalResolvedCases performanceScore ranking }
    todoList { type title count priority }
    recentActivities { time type content }
  } }`;

  it('costs the same statements whatever the collector’s volume of work', async () => {
    const measure = async () => {
      client.sql.reset();
      const data = await client.ok(org.callers.c4, DASHBOARD);
      return { count: client.sql.count, data };
    };
    const before = await measure();
    const em = client.em();
    const { c4 } = org.collectors;
    const k4 = await em.findOneOrFail(CollectionCase, { caseCode: 'K4' });
    for (let i = 0; i < 40; i++) {
      em.create(Communication, { tenantId: 1, collectorId: c4.id, agencyId: c4.agencyId, teamId: c4.teamId, caseId: k4.id, contactMethod: 'phone', contactResult: '接通', contactTime: new Date(Date.now() - i * 1000) });
      em.create(Ptp, { tenantId: 1, collectorId: c4.id, agencyId: c4.agencyId, teamId: c4.teamId, caseId: k4.id, promiseDate: '2999-01-01', promiseAmount: new Decimal('1.00') });
    }
    await em.flush();
    const after = await measure();
    expect(after.count).toBe(before.count);
    const dashboard = after.data.myDashboard as { today: { contactCount: number }; recentActivities: Array<{ type: string; content: string }> };
    expect(dashboard.today.contactCount).toBeGreaterThanOrEqual(40);
    expect(dashboard.recentActivities).toHaveLength(10);
    expect(dashboard.recentActivities[0].content).toContain('借款人K4');
  });

  it('lists the to-dos: promises due, cases assigned today, cases never contacted', async () => {
    const { c3 } = org.collectors;
    const em = client.em();
    const k3 = await em.findOneOrFail(CollectionCase, { caseCode: 'K3' });
    em.create(Ptp, { tenantId: 1, collectorId: c3.id, agencyId: c3.agencyId, teamId: c3.teamId, caseId: k3.id, promiseDate: '2025-01-01', promiseAmount: new Decimal('5.00') });
    k3.assignedAt = new Date();
    await em.flush();
    const { myDashboard } = await client.ok(org.callers.c3, DASHBOARD);
    expect(myDashboard.todoList).toEqual([
      { type: 'follow_up', title: '跟进PTP到期案件', count: 1, priority: 'high' },
      { type: 'new_case', title: '处理新分配案件', count: 1, priority: 'medium' },
      { type: 'uncontacted', title: '未联系案件', count: 1, priority: 'medium' },
    ]);
  });
});
