import { Collector, KnowledgeArticle } from '@platform/collections';
import { CollectionsClient, type OrgFixture } from '../support/harness';

/** The app's lists and rankings cost a constant number of statements, however many rows or collectors they cover. */
let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
});
afterAll(() => client.close());

async function statements(query: string, variables: Record<string, unknown> = {}) {
  client.sql.reset();
  const data = await client.ok<Record<string, { items: unknown[]; total: number }>>(org.callers.c1, query, variables);
  return { count: client.sql.count, data };
}

async function addCollectors(n: number, from: number) {
  const em = client.em();
  const { T1 } = org.teams;
  for (let i = 0; i < n; i++) {
    em.create(Collector, { tenantId: 1, userId: String(5000 + from + i), agencyId: T1.agencyId, teamId: T1.id, teamGroupId: T1.teamGroupId ?? null, collectorCode: `SQL_${from + i}`, collectorName: `催员${from + i}` });
  }
  await em.flush();
}

it('a page of knowledge articles and a search: the same statements for 1 or 50 items', async () => {
  const em = client.em();
  for (let i = 0; i < 60; i++) em.create(KnowledgeArticle, { tenantId: 1, kind: 'script', title: `话术${i}`, content: `内容${i} 还款`, sortOrder: i });
  await em.flush();
  const list = 'query($size: Int) { knowledgeArticles(kind: "script", pageSize: $size) { total items { id title useCount } } }';
  const search = 'query($size: Int) { searchKnowledge(keyword: "还款", pageSize: $size) { total items { id } } }';
  for (const query of [list, search]) {
    const small = await statements(query, { size: 1 });
    const full = await statements(query, { size: 50 });
    expect(Object.values(full.data)[0].items).toHaveLength(50);
    expect(full.count).toBe(small.count);
  }
});

it('rankings and performance: the same statements for two collectors or sixty more', async () => {
  const queries = [
    '{ collectorRanking(scope: "team") { total top10 { rank } } }',
    '{ collectorRanking(type: "resolution", scope: "all", period: "week") { total } }',
    '{ myPerformance { ranking { teamTotal agencyTotal } } }',
    '{ myDashboard { month { ranking } } }',
  ];
  const before = await Promise.all(queries.map(async (q) => (await statements(q)).count));
  await addCollectors(60, 0);
  const after = await Promise.all(queries.map(async (q) => (await statements(q)).count));
  expect(after).toEqual(before);
  expect((await statements(queries[0])).data.collectorRanking.total).toBe(62); // c1, c2 and the 60
});
