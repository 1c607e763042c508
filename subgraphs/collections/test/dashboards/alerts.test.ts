import { Decimal } from '@platform/kit';
import { CollectionCase, Collector, Ptp } from '@platform/collections';
import { CollectionsClient, codeOf, type OrgFixture } from '../support/harness';
import { seedWork } from './work-fixture';

let client: CollectionsClient;
let org: OrgFixture;
const now = Date.now();
/** A local date (UTC+8) `days` from today. */
const localDay = (days: number) => new Date(now + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  const { cases } = await seedWork(client, org);
  const em = client.em();
  const { c1, c2, c3, c4 } = org.collectors;
  // c2 holds two open cases against a maximum of one
  (await em.findOneOrFail(Collector, c2.id)).maxCaseCount = 1;
  const k2b = em.create(CollectionCase, {
    tenantId: 1, caseCode: 'K2B', customerId: 'UK2B', userName: '借款人K2B', mobile: '+639170000001', loanAmount: new Decimal(1), dueDate: '2025-10-01',
    outstandingAmount: new Decimal(1), overdueDays: 40, agencyId: c2.agencyId, teamGroupId: c2.teamGroupId, teamId: c2.teamId, collectorId: c2.id, lastContactAt: new Date(now),
  });
  (await em.findOneOrFail(CollectionCase, cases.k1.id)).lastContactAt = new Date(now - 3_600_000);
  const ptp = (c: Collector, days: number, amount: string, promiseStatus: Ptp['promiseStatus']) =>
    em.create(Ptp, { tenantId: 1, caseId: k2b.id ?? cases.k1.id, collectorId: c.id, agencyId: c.agencyId, teamId: c.teamId, promiseDate: localDay(days), promiseAmount: new Decimal(amount), promiseStatus });
  await em.flush();
  ptp(c1, -2, '10.00', 'pending');
  ptp(c4, -3, '20.00', 'broken');
  ptp(c1, -10, '30.00', 'pending'); // more than a week ago
  ptp(c2, -1, '40.00', 'kept');
  ptp(c3, 0, '50.00', 'pending'); // due today: not broken yet
  (await em.findOneOrFail(Collector, c1.id)).lastActivityAt = new Date(now - 60_000);
  (await em.findOneOrFail(Collector, c3.id)).lastActivityAt = new Date(now - 2 * 3_600_000);
  await em.flush();
});
afterAll(() => client.close());

const ALERTS = `query ($agencyId: ID, $limit: Int, $idleMinutes: Int) {
  dashboardAlerts(agencyId: $agencyId, limit: $limit, idleMinutes: $idleMinutes) {
    overCapacity { count items { collectorId collectorName caseCount maxCaseCount } }
    brokenPtps { count items { collectorId promiseDate promiseAmount promiseStatus } }
    notContactedCases { count items { caseCode collectorId lastContactAt overdueDays } }
    idleCollectors { count items { collectorName lastActivityAt } }
  }
}`;

describe('dashboardAlerts', () => {
  it('counts each alert in the tenant and shows its first items', async () => {
    const { dashboardAlerts: a } = await client.ok(org.callers.tenantAdmin, ALERTS);
    const { c2, c4, c1 } = org.collectors;
    expect(a.overCapacity).toEqual({ count: 1, items: [{ collectorId: String(c2.id), collectorName: '李小红', caseCount: 2, maxCaseCount: 1 }] });
    expect(a.brokenPtps).toEqual({
      count: 2,
      items: [
        { collectorId: String(c4.id), promiseDate: localDay(-3), promiseAmount: '20', promiseStatus: 'broken' },
        { collectorId: String(c1.id), promiseDate: localDay(-2), promiseAmount: '10', promiseStatus: 'pending' },
      ],
    });
    // open, assigned, no contact for 3 days: K2, K3, K4, K1D (K1 and K2B were contacted; K1B and K1C are settled)
    expect(a.notContactedCases.count).toBe(4);
    expect(a.notContactedCases.items.map((c: { caseCode: string }) => c.caseCode).sort()).toEqual(['K1D', 'K2', 'K3', 'K4']);
    expect(a.notContactedCases.items[0]).toMatchObject({ lastContactAt: null, overdueDays: 50 });
    // active collectors quiet for 30 minutes: c2 and c4 never active, c3 two hours ago; c1 a minute ago is not idle
    expect(a.idleCollectors).toEqual({
      count: 3,
      items: [
        { collectorName: '李小红', lastActivityAt: null },
        { collectorName: '陈小华', lastActivityAt: null },
        { collectorName: '张小刚', lastActivityAt: expect.any(String) },
      ],
    });
  });

  it('limits items, not counts; idleMinutes narrows idleness; an agency admin’s alerts hold their agency', async () => {
    const { dashboardAlerts: few } = await client.ok(org.callers.tenantAdmin, ALERTS, { limit: 1, idleMinutes: 180 });
    expect(few.notContactedCases).toMatchObject({ count: 4 });
    expect(few.notContactedCases.items).toHaveLength(1);
    expect(few.idleCollectors.count).toBe(2);
    const { dashboardAlerts: mine } = await client.ok(org.callers.agencyAdmin, ALERTS);
    expect([mine.overCapacity.count, mine.brokenPtps.count, mine.notContactedCases.count, mine.idleCollectors.count]).toEqual([1, 1, 3, 2]);
    expect(codeOf(await client.run(org.callers.tenantAdmin, ALERTS, { limit: 0 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await client.run(org.callers.c1, ALERTS))).toBe('FORBIDDEN');
  });
});
