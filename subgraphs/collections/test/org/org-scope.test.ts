import { codeOf, CollectionsClient, type OrgFixture } from '../support/harness';

/**
 * Each admin-console role × list and detail of agencies, team groups, teams and collectors over the seeded
 * organisation (see OrgFixture): what each reaches, and that a row outside reads as not there.
 */
let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
});
afterAll(() => client.close());

type Who = keyof OrgFixture['callers'];
const LISTS = {
  agencies: '{ agencies(pageSize: 100) { total items { agencyCode } } }',
  teamGroups: '{ teamGroups(pageSize: 100) { total items { groupCode } } }',
  teams: '{ teams(pageSize: 100) { total items { teamCode } } }',
  collectors: '{ collectors(pageSize: 100) { total items { collectorCode } } }',
};
const DETAIL = {
  agencies: 'query($id: ID!) { one: agency(id: $id) { code: agencyCode } }',
  teamGroups: 'query($id: ID!) { one: teamGroup(id: $id) { code: groupCode } }',
  teams: 'query($id: ID!) { one: team(id: $id) { code: teamCode } }',
  collectors: 'query($id: ID!) { one: collector(id: $id) { code: collectorCode } }',
};
type Kind = keyof typeof LISTS;
const CODE = { agencies: 'agencyCode', teamGroups: 'groupCode', teams: 'teamCode', collectors: 'collectorCode' } as const;

async function listed(who: Who, kind: Kind): Promise<string[] | 'FORBIDDEN'> {
  const result = await client.run(org.callers[who], LISTS[kind]);
  if (result.errors) return codeOf(result) as 'FORBIDDEN';
  const page = (result.data as Record<string, { total: number; items: Record<string, string>[] }>)[kind];
  expect(page.total).toBe(page.items.length);
  return page.items.map((i) => i[CODE[kind]]).sort();
}

const ALL_A1_STAFF = ['ADM_A1', 'COL_001', 'COL_002', 'COL_003', 'SPV_G1', 'TL_T1'];
const EXPECTED: Record<Kind, Partial<Record<Who, string[] | 'FORBIDDEN'>>> = {
  agencies: {
    superAdmin: ['A1', 'A2', 'X1'],
    tenantAdmin: ['A1', 'A2'],
    otherTenantAdmin: ['X1'],
    agencyAdmin: ['A1'],
    spv: ['A1'],
    teamLeader: 'FORBIDDEN',
    c1: 'FORBIDDEN',
  },
  teamGroups: {
    superAdmin: ['G1'],
    tenantAdmin: ['G1'],
    otherTenantAdmin: [],
    agencyAdmin: ['G1'],
    spv: ['G1'],
    teamLeader: 'FORBIDDEN',
    c1: 'FORBIDDEN',
  },
  teams: {
    superAdmin: ['T1', 'T2', 'T3', 'X1T'],
    tenantAdmin: ['T1', 'T2', 'T3'],
    otherTenantAdmin: ['X1T'],
    agencyAdmin: ['T1', 'T2'],
    spv: ['T1'],
    teamLeader: ['T1'],
    c1: 'FORBIDDEN',
  },
  collectors: {
    superAdmin: [...ALL_A1_STAFF, 'COL_004', 'COL_X01'].sort(),
    tenantAdmin: [...ALL_A1_STAFF, 'COL_004'].sort(),
    otherTenantAdmin: ['COL_X01'],
    agencyAdmin: ALL_A1_STAFF,
    spv: ['COL_001', 'COL_002', 'SPV_G1', 'TL_T1'],
    teamLeader: ['COL_001', 'COL_002', 'TL_T1'],
    c1: 'FORBIDDEN',
  },
};

const CASES = (Object.keys(EXPECTED) as Kind[]).flatMap((kind) =>
  Object.entries(EXPECTED[kind]).map(([who, expected]) => ({ kind, who: who as Who, expected })),
);

describe('lists: each role sees its own part of the organisation', () => {
  it.each(CASES)('$who lists $kind', async ({ kind, who, expected }) => {
    expect(await listed(who, kind)).toEqual(expected);
  });
});

describe('details: a row outside the scope reads as not there; inside it reads', () => {
  const idOf = (kind: Kind, code: string): number => {
    const rows: Record<Kind, Record<string, { id: number }>> = {
      agencies: org.agencies,
      teamGroups: org.groups,
      teams: org.teams,
      collectors: {
        ...org.collectors,
        ...Object.fromEntries(Object.values(org.staff).map((s) => [s.collectorCode, s])),
        ...Object.fromEntries(Object.values(org.collectors).map((s) => [s.collectorCode, s])),
      },
    };
    return rows[kind][code].id;
  };
  const everything: Record<Kind, string[]> = {
    agencies: ['A1', 'A2', 'X1'],
    teamGroups: ['G1'],
    teams: ['T1', 'T2', 'T3', 'X1T'],
    collectors: [...ALL_A1_STAFF, 'COL_004', 'COL_X01'],
  };

  it.each(CASES.filter((c) => c.expected !== 'FORBIDDEN'))('$who reads $kind by id', async ({ kind, who, expected }) => {
    for (const code of everything[kind]) {
      const result = await client.ok<{ one: { code: string } | null }>(org.callers[who], DETAIL[kind], { id: String(idOf(kind, code)) });
      expect([code, result.one?.code ?? null]).toEqual([code, (expected as string[]).includes(code) ? code : null]);
    }
  });

  it('a collector token is FORBIDDEN on every admin read', async () => {
    for (const kind of Object.keys(DETAIL) as Kind[]) {
      expect(codeOf(await client.run(org.callers.c1, DETAIL[kind], { id: '1' }))).toBe('FORBIDDEN');
    }
  });
});
