import { Collector, TeamGroup } from '@platform/collections';
import { CollectionsClient, type OrgFixture } from '../support/harness';

/** Lists of the organisation with their relations and counts cost a constant number of statements. */
let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  const em = client.em();
  const teams = [org.teams.T1, org.teams.T2, org.teams.T3];
  for (let i = 0; i < 60; i++) {
    const team = teams[i % 3];
    em.create(Collector, {
      tenantId: 1,
      userId: String(1000 + i),
      agencyId: team.agencyId,
      teamId: team.id,
      teamGroupId: team.teamGroupId ?? null,
      collectorCode: `BULK_${i}`,
      collectorName: `催员${i}`,
    });
  }
  for (let i = 0; i < 5; i++) em.create(TeamGroup, { tenantId: 1, agencyId: org.agencies.A2.id, groupCode: `BULK_G${i}`, groupName: `组群${i}` });
  await em.flush();
});
afterAll(() => client.close());

async function statements(query: string, pageSize: number): Promise<{ count: number; data: Record<string, { items: unknown[] }> }> {
  client.sql.reset();
  const data = await client.ok(org.callers.tenantAdmin, query, { size: pageSize });
  return { count: client.sql.count, data };
}

const CASES = {
  'a page of collectors with team, agency and team group names, open cases and user': {
    query: 'query($size: Int) { collectors(pageSize: $size) { total items { collectorName team { teamName } agency { agencyName } teamGroup { groupName } currentCases user { id } } } }',
    // page, count, then one statement each: teams, agencies, team groups, open-case counts.
    most: 6,
  },
  'a page of teams with group, queue, leader, collector and case counts': {
    query: 'query($size: Int) { teams(pageSize: $size) { items { teamName teamGroup { groupName } queue { queueName } teamLeader { collectorName } collectorCount currentCaseCount statistics { resolutionRate } } } }',
    most: 10,
  },
  'a page of agencies with their four counts': {
    query: 'query($size: Int) { agencies(pageSize: $size) { items { agencyName teamCount collectorCount totalCases activeCases } } }',
    most: 6,
  },
  'a page of team groups with SPV, teams and team count': {
    query: 'query($size: Int) { teamGroups(pageSize: $size) { items { groupName spv { collectorName } teamCount teams { teamName collectorCount } } } }',
    most: 6,
  },
};

it.each(Object.entries(CASES))('%s', async (_name, { query, most }) => {
  const small = await statements(query, 1);
  const full = await statements(query, 50);
  const items = Object.values(full.data)[0].items;
  expect(Object.values(small.data)[0].items).toHaveLength(1);
  expect(items.length).toBeGreaterThan(1);
  expect(full.count).toBe(small.count);
  expect(full.count).toBeLessThanOrEqual(most);
});

it('the collectors page holds 50 rows with their team and agency names', async () => {
  const { data, count } = await statements(CASES['a page of collectors with team, agency and team group names, open cases and user'].query, 50);
  const items = data.collectors.items as { team: { teamName: string } | null; agency: { agencyName: string } }[];
  expect(items).toHaveLength(50);
  expect(items.every((c) => c.agency.agencyName.startsWith('机构'))).toBe(true);
  expect(count).toBeLessThanOrEqual(6);
});
