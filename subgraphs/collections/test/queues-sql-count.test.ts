import { Queue } from '@platform/collections';
import { makeCase } from './support/case-fixtures';
import { CollectionsClient, type OrgFixture } from './support/harness';

let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  const em = client.em(null);
  for (let i = 0; i < 40; i++) em.create(Queue, { tenantId: 1, queueCode: `Q${i}`, queueName: `Q${i}`, overdueDaysStart: 1000 + i, overdueDaysEnd: 1000 + i, isActive: false, sortOrder: 10 + i });
  await em.flush();
  for (let i = 0; i < 20; i++) await makeCase(client, { queueId: org.queues.M1.id, collector: i % 2 ? org.collectors.c1 : null, agencyId: org.agencies.A1.id });
});
afterAll(() => client.close());

const PAGE = 'query($size: Int) { queues(pageSize: $size) { total items { id caseCount assignedCount unassignedCount } } }';

it('a page of queues with their case counts costs the same statements for 5 queues as for 40: one grouped count per page', async () => {
  client.sql.reset();
  const small = await client.ok(org.callers.tenantAdmin, PAGE, { size: 5 });
  const forFive = client.sql.count;
  client.sql.reset();
  const full = await client.ok(org.callers.tenantAdmin, PAGE, { size: 43 });
  const forMany = client.sql.count;

  expect(small.queues.items).toHaveLength(5);
  expect(full.queues.items).toHaveLength(43);
  expect(full.queues.items[0]).toMatchObject({ caseCount: 20, assignedCount: 10, unassignedCount: 10 });
  // The page, its total and one GROUP BY over the page's queues.
  expect(forMany).toBe(forFive);
  expect(forMany).toBeLessThanOrEqual(3);
});
