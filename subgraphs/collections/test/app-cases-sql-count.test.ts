import { Decimal } from '@platform/kit';
import { Communication, Ptp } from '@platform/collections';
import { makeCase } from './support/case-fixtures';
import { CollectionsClient, type OrgFixture } from './support/harness';

let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  // 100 cases of c1, each with three communications and two promises (an old broken one, the open one).
  const em = client.em(null);
  for (let i = 0; i < 100; i++) {
    const c = await makeCase(client, { collector: org.collectors.c1, overdueDays: 1 + i });
    for (let n = 0; n < 3; n++) {
      em.create(Communication, {
        tenantId: 1, caseId: c.id, collectorId: org.collectors.c1.id, contactMethod: 'phone', contactResult: n === 2 ? '接通' : '未接通',
        contactTime: new Date(Date.UTC(2025, 10, 1 + n, 2)),
      });
    }
    for (const status of ['broken', 'pending'] as const) {
      em.create(Ptp, { tenantId: 1, caseId: c.id, collectorId: org.collectors.c1.id, promiseDate: '2025-12-01', promiseAmount: new Decimal(100), promiseStatus: status });
    }
    if (i % 20 === 0) await em.flush();
  }
  await em.flush();
});
afterAll(() => client.close());

/** The app list's fields (cco-im GET /im/cases/my): the case, its latest communication and counts, its latest promise. */
const MY_CASES = `query ($size: Int) {
  myCases(pageSize: $size) {
    total summary { totalOutstandingAmount highPriorityCount needFollowUpCount }
    items {
      id caseCode userName mobile overdueDays loanAmount outstandingAmount caseStatus casePriority caseTags assignedAt
      contactSummary { lastContactAt lastContactResult nextFollowUpAt totalContactCount effectiveContactCount }
      latestPtp { id promiseDate promiseAmount promiseStatus }
    }
  }
}`;

interface Item {
  mobile: string;
  contactSummary: { lastContactResult: string; totalContactCount: number; effectiveContactCount: number };
  latestPtp: { promiseStatus: string } | null;
}

it('a collector’s 100 cases with their latest communication and open promise cost the same statements as 5 cases', async () => {
  const measure = async (size: number) => {
    client.sql.reset();
    const data = await client.ok<{ myCases: { total: number; items: Item[] } }>(org.callers.c1, MY_CASES, { size });
    return { data: data.myCases, count: client.sql.count };
  };
  const five = await measure(5);
  const hundred = await measure(100);
  expect(five.data.items).toHaveLength(5);
  expect(hundred.data.total).toBe(100);
  expect(hundred.data.items).toHaveLength(100);
  expect(hundred.data.items.every((i) => i.contactSummary.lastContactResult === '接通' && i.contactSummary.totalContactCount === 3 && i.contactSummary.effectiveContactCount === 1)).toBe(true);
  expect(hundred.data.items.every((i) => i.latestPtp?.promiseStatus === 'pending' && i.mobile === '+63-917-***-**11')).toBe(true);
  expect(hundred.count).toBe(five.count);
  // scope profile, tenant zone, page, count, the two summary aggregates, latest communications, contact counts, latest PTPs
  expect(hundred.count).toBeLessThanOrEqual(10);
});

it('the open-promise conditions read each case’s promises: has_ptp, the need-follow-up quick filter and summary', async () => {
  const count = async (filter: object) => (await client.ok<{ myCases: { total: number } }>(org.callers.c1, 'query ($f: MyCaseFilter) { myCases(filter: $f) { total } }', { f: filter })).myCases.total;
  expect(await count({ hasPtp: true })).toBe(100);
  expect(await count({ hasPtp: false })).toBe(0);
  expect(await count({ quickFilter: 'need_follow_up' })).toBe(100);
  const quick = await client.ok<{ myCaseQuickFilters: Array<{ filter: string; count: number }> }>(org.callers.c1, '{ myCaseQuickFilters { filter count } }');
  expect(quick.myCaseQuickFilters).toContainEqual({ filter: 'need_follow_up', count: 100 });
  // Another collector's cases are not theirs to count.
  expect((await client.ok<{ myCases: { total: number } }>(org.callers.c2, '{ myCases(filter: { hasPtp: true }) { total } }')).myCases.total).toBe(0);
});
