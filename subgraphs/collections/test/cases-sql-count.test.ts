import { CollectionsClient, type OrgFixture } from './support/harness';
import { assignTo, caseRow, importRows } from './support/cases';

let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  const rows = Array.from({ length: 120 }, (_, i) => caseRow(`SQL_${String(i).padStart(3, '0')}`, { overdue_days: ((i * 7) % 89) + 1 }));
  await importRows(client, org.callers.tenantAdmin, rows);
  const holders = [org.collectors.c1, org.collectors.c2, org.collectors.c3, org.collectors.c4];
  for (let i = 0; i < 120; i += 3) await assignTo(client, 1, `SQL_${String(i).padStart(3, '0')}`, holders[(i / 3) % 4]);
});
afterAll(() => client.close());

const PAGE = `query ($size: Int) {
  cases(pageSize: $size) { total items { id caseCode mobile idNumber queueName agencyName teamName collectorName collector { id userId collectorCode } communications { id } ptps { id } } }
}`;

it('a page of 100 cases with queue, agency, team and collector names and records costs a constant number of statements', async () => {
  const measure = async (size: number) => {
    client.sql.reset();
    const data = await client.ok<{ cases: { items: Array<{ queueName: string | null; collectorName: string | null; collector: { collectorCode: string } | null }> } }>(org.callers.teamLeader, PAGE, { size });
    return { items: data.cases.items, count: client.sql.count };
  };
  const five = await measure(5);
  const hundred = await measure(100);
  expect(five.items).toHaveLength(5);
  // the team leader's scope: the cases of c1 and c2 (T1)
  expect(hundred.items).toHaveLength(20);
  expect(new Set(hundred.items.map((i) => i.collectorName))).toEqual(new Set(['王小明', '李小红']));
  // Case.collector (whose `user` the router resolves from identity) reads through the same loader as the names.
  expect(new Set(hundred.items.map((i) => i.collector?.collectorCode))).toEqual(new Set(['COL_001', 'COL_002']));
  expect(hundred.items.every((i) => i.queueName !== null)).toBe(true);
  expect(hundred.count).toBe(five.count);

  // The admin's page of 100 (unmasked, so one audit insert too) costs the same as their page of 5.
  client.sql.reset();
  await client.ok(org.callers.tenantAdmin, PAGE, { size: 5 });
  const adminFive = client.sql.count;
  client.sql.reset();
  const full = await client.ok<{ cases: { items: unknown[] } }>(org.callers.tenantAdmin, PAGE, { size: 100 });
  expect(full.cases.items).toHaveLength(100);
  expect(client.sql.count).toBe(adminFive);
  // scope profile, page, count, queues, agencies, teams, collectors, communications, PTPs, (+ the audit flush)
  expect(client.sql.count).toBeLessThanOrEqual(14);
});
