import { Collector } from '@platform/collections';
import { codeOf, CollectionsClient, fieldOf, type OrgFixture } from '../support/harness';
import { IdentityGraph } from '../support/identity-graph';

jest.setTimeout(30_000);

/** Collectors' and SPVs' accounts are identity's, made through the graph as the caller (a real identity runtime here). */
let identity: IdentityGraph;
let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  identity = await IdentityGraph.start();
  client = await CollectionsClient.start({}, { graph: identity });
  org = await client.seedOrg();
}, 60_000);
afterAll(async () => {
  await client?.close();
  await identity?.close();
});

const CREATE = `mutation($input: CreateCollectorInput!) {
  createCollector(input: $input) { id userId agencyId teamId teamGroupId collectorCode collectorName mobile employeeNo collectorLevel maxCaseCount specialties status isActive position }
}`;
const input = (overrides: Record<string, unknown> = {}) => ({
  agencyId: String(org.agencies.A1.id),
  teamId: String(org.teams.T1.id),
  collectorCode: 'COL_101',
  collectorName: '王小明',
  loginId: 'collector101',
  password: '123456',
  mobile: '+63-917-123-4567',
  email: 'collector101@example.com',
  employeeNo: 'EMP101',
  collectorLevel: '高级',
  maxCaseCount: 150,
  specialties: ['高额案件', '法务处理'],
  status: 'active',
  isActive: true,
  ...overrides,
});
const profileCount = () => client.em().count(Collector);

describe('collectors and their identity accounts', () => {
  let created: { id: string; userId: string };

  it('an agency admin creates a collector: the account (role collector) in identity, then the profile in the team', async () => {
    const { createCollector } = await client.ok(org.callers.agencyAdmin, CREATE, { input: input() });
    expect(createCollector).toMatchObject({
      agencyId: String(org.agencies.A1.id),
      teamId: String(org.teams.T1.id),
      teamGroupId: String(org.groups.G1.id),
      collectorCode: 'COL_101',
      collectorName: '王小明',
      mobile: '+63-917-123-4567',
      employeeNo: 'EMP101',
      collectorLevel: '高级',
      maxCaseCount: 150,
      specialties: ['高额案件', '法务处理'],
      status: 'active',
      isActive: true,
      position: 'collector',
    });
    created = createCollector;
    expect(await identity.login('collector101', '123456')).toBe('OK');
    const account = await identity.harness.exec(`{ user(id: "${created.userId}") { username email fullName roles { code } } }`, {}, org.callers.tenantAdmin);
    expect(account.data?.user).toEqual({ username: 'collector101', email: 'collector101@example.com', fullName: '王小明', roles: [{ code: 'collector' }] });
  });

  it('a taken collector code is refused before any account is made; a taken login id names loginId', async () => {
    const before = await profileCount();
    identity.calls.length = 0;
    const code = await client.run(org.callers.agencyAdmin, CREATE, { input: input({ loginId: 'collector102' }) });
    expect([codeOf(code), fieldOf(code)]).toEqual(['CONFLICT', 'collectorCode']);
    expect(identity.calls).toEqual([]);
    expect(await identity.login('collector102', '123456')).toBe('INVALID_CREDENTIALS');
    const login = await client.run(org.callers.agencyAdmin, CREATE, { input: input({ collectorCode: 'COL_102' }) });
    expect([codeOf(login), fieldOf(login)]).toEqual(['CONFLICT', 'loginId']);
    expect(await profileCount()).toBe(before);
  });

  it('a team of another agency, an agency out of scope and a short password are refused naming the field', async () => {
    const before = await profileCount();
    const team = await client.run(org.callers.tenantAdmin, CREATE, { input: input({ collectorCode: 'COL_103', loginId: 'c103', teamId: String(org.teams.T3.id) }) });
    expect([codeOf(team), fieldOf(team)]).toEqual(['BAD_USER_INPUT', 'teamId']);
    const agency = await client.run(org.callers.agencyAdmin, CREATE, { input: input({ collectorCode: 'COL_103', loginId: 'c103', agencyId: String(org.agencies.A2.id), teamId: null }) });
    expect([codeOf(agency), fieldOf(agency)]).toEqual(['BAD_USER_INPUT', 'agencyId']);
    const password = await client.run(org.callers.agencyAdmin, CREATE, { input: input({ collectorCode: 'COL_103', loginId: 'c103', password: '123' }) });
    expect([codeOf(password), fieldOf(password)]).toEqual(['BAD_USER_INPUT', 'password']);
    expect(await profileCount()).toBe(before);
    expect(await identity.login('c103', '123456')).toBe('INVALID_CREDENTIALS');
  });

  it('a profile that cannot be written after the account was made discards the account again', async () => {
    // The profile insert fails after identity made the account: a stale profile already holds the user id identity
    // gives next (unique per tenant), as a concurrent write would.
    const [{ m }] = await identity.harness.runtime.orm.em.fork().getConnection().execute<{ m: number }[]>('select max(id) as m from user');
    const em = client.em();
    em.create(Collector, { tenantId: 1, userId: String(Number(m) + 1), agencyId: org.agencies.A1.id, collectorCode: 'COL_STALE', collectorName: '旧' });
    await em.flush();
    const raced = await client.run(org.callers.agencyAdmin, CREATE, { input: input({ collectorCode: 'COL_104', loginId: 'c104', email: 'c104@example.com' }) });
    expect(codeOf(raced)).toBe('CONFLICT');
    expect(identity.calls.some((q) => q.includes('discardStaffAccount'))).toBe(true);
    expect(await identity.login('c104', '123456')).toBe('INVALID_CREDENTIALS');
    // The login id is free again.
    expect((await client.run(org.callers.agencyAdmin, CREATE, { input: input({ collectorCode: 'COL_105', loginId: 'c104', email: 'c105@example.com' }) })).errors).toBeUndefined();
  });

  it('update changes the profile and the account’s name; reset password and disabling reach the account', async () => {
    const UPDATE = 'mutation($id: ID!, $input: UpdateCollectorInput!) { updateCollector(id: $id, input: $input) { collectorName collectorLevel teamId } }';
    const updated = await client.ok(org.callers.agencyAdmin, UPDATE, { id: created.id, input: { collectorName: '王大明', collectorLevel: '中级', teamId: String(org.teams.T2.id) } });
    expect(updated.updateCollector).toEqual({ collectorName: '王大明', collectorLevel: '中级', teamId: String(org.teams.T2.id) });
    const account = await identity.harness.exec(`{ user(id: "${created.userId}") { fullName } }`, {}, org.callers.tenantAdmin);
    expect(account.data?.user).toEqual({ fullName: '王大明' });

    const reset = await client.ok(org.callers.agencyAdmin, 'mutation($id: ID!) { resetCollectorPassword(id: $id, newPassword: "new123456") }', { id: created.id });
    expect(reset.resetCollectorPassword).toBe(true);
    expect(await identity.login('collector101', 'new123456')).toBe('OK');

    const STATUS = 'mutation($id: ID!, $on: Boolean!, $r: String) { setCollectorStatus(id: $id, isActive: $on, reason: $r) { isActive disabledReason } }';
    expect((await client.ok(org.callers.agencyAdmin, STATUS, { id: created.id, on: false, r: '离职' })).setCollectorStatus).toEqual({ isActive: false, disabledReason: '离职' });
    expect(await identity.login('collector101', 'new123456')).toBe('FORBIDDEN');
    await client.ok(org.callers.agencyAdmin, STATUS, { id: created.id, on: true });
    expect(await identity.login('collector101', 'new123456')).toBe('OK');
  });

  it('writes on a collector outside the caller’s reach: another tenant FORBIDDEN, another agency NOT_FOUND', async () => {
    const RESET = 'mutation($id: ID!) { resetCollectorPassword(id: $id, newPassword: "x123456") }';
    expect(codeOf(await client.run(org.callers.tenantAdmin, RESET, { id: String(org.collectors.x1.id) }))).toBe('FORBIDDEN');
    expect(codeOf(await client.run(org.callers.agencyAdmin, RESET, { id: String(org.collectors.c4.id) }))).toBe('NOT_FOUND');
  });
});

describe('team groups and their SPV', () => {
  const CREATE_GROUP = `mutation($input: CreateTeamGroupInput!) {
    createTeamGroup(input: $input) { id groupCode groupName groupNameEn description sortOrder isActive teamCount spv { id collectorName mobile position teamGroupId } }
  }`;

  it('creating a group with spv_* fields creates the SPV account (role SPV) and makes it the SPV; the SPV then reaches the group', async () => {
    const { createTeamGroup: group } = await client.ok(org.callers.agencyAdmin, CREATE_GROUP, {
      input: {
        agencyId: String(org.agencies.A1.id),
        groupCode: 'GROUP_B',
        groupName: 'B组群',
        groupNameEn: 'Group B',
        description: '负责M1和M2队列',
        sortOrder: 2,
        spv: { loginId: 'spv_b', password: '123456', accountName: '小组群长B', email: 'spvb@example.com', mobile: '+63-917-555-0001' },
      },
    });
    expect(group).toMatchObject({ groupCode: 'GROUP_B', groupName: 'B组群', groupNameEn: 'Group B', sortOrder: 2, isActive: true, teamCount: 0 });
    expect(group.spv).toEqual({ id: expect.any(String), collectorName: '小组群长B', mobile: '+63-917-555-0001', position: 'spv', teamGroupId: group.id });
    expect(await identity.login('spv_b', '123456')).toBe('OK');
  });

  it('a group code taken is CONFLICT and makes no SPV account', async () => {
    const again = await client.run(org.callers.agencyAdmin, CREATE_GROUP, {
      input: { agencyId: String(org.agencies.A1.id), groupCode: 'GROUP_B', groupName: 'x', spv: { loginId: 'spv_c', password: '123456', accountName: 'C' } },
    });
    expect([codeOf(again), fieldOf(again)]).toEqual(['CONFLICT', 'groupCode']);
    expect(await identity.login('spv_c', '123456')).toBe('INVALID_CREDENTIALS');
  });

  it('PUT spv makes an existing profile the SPV (position spv, teamGroupId set); the previous SPV leaves the group', async () => {
    const SET = 'mutation($g: ID!, $s: ID!) { setTeamGroupSpv(groupId: $g, spvId: $s) { spvId spv { position teamGroupId } } }';
    const profile = await client.em().findOneOrFail(Collector, { collectorCode: 'COL_101' });
    const made = { id: String(profile.id), userId: profile.userId };
    const result = await client.ok(org.callers.agencyAdmin, SET, { g: String(org.groups.G1.id), s: made.id });
    expect(result.setTeamGroupSpv).toEqual({ spvId: made.id, spv: { position: 'spv', teamGroupId: String(org.groups.G1.id) } });
    const account = await identity.harness.exec(`{ user(id: "${made.userId}") { roles { code } } }`, {}, org.callers.tenantAdmin);
    expect(account.data?.user).toEqual({ roles: [{ code: 'SPV' }] });
    const previous = await client.em().findOneOrFail(Collector, org.staff.spv.id);
    expect(previous.teamGroupId).toBeNull();
    const other = await client.run(org.callers.agencyAdmin, SET, { g: String(org.groups.G1.id), s: String(org.collectors.c4.id) });
    expect([codeOf(other), fieldOf(other)]).toEqual(['BAD_USER_INPUT', 'spvId']);
  });
});

describe('team leaders', () => {
  const SET = 'mutation($t: ID!, $l: ID!) { setTeamLeader(teamId: $t, teamLeaderId: $l) { teamLeaderId } }';
  const rolesOf = async (userId: string) =>
    (await identity.harness.exec<{ user: { roles: { code: string }[] } }>(`{ user(id: "${userId}") { roles { code } } }`, {}, org.callers.tenantAdmin)).data?.user.roles;
  const make = async (code: string) =>
    (await client.ok<{ createCollector: { id: string; userId: string } }>(org.callers.agencyAdmin, CREATE, {
      input: input({ teamId: String(org.teams.T2.id), collectorCode: code, loginId: code.toLowerCase(), email: `${code.toLowerCase()}@example.com` }),
    })).createCollector;

  it('a replaced leader goes back to collector, profile and account; the new one gets the TeamLeader role', async () => {
    const first = await make('TL_201');
    const second = await make('TL_202');
    await client.ok(org.callers.agencyAdmin, SET, { t: String(org.teams.T2.id), l: first.id });
    expect(await rolesOf(first.userId)).toEqual([{ code: 'TeamLeader' }]);
    expect(await client.ok(org.callers.agencyAdmin, SET, { t: String(org.teams.T2.id), l: second.id })).toEqual({ setTeamLeader: { teamLeaderId: second.id } });
    expect(await rolesOf(first.userId)).toEqual([{ code: 'collector' }]);
    expect(await rolesOf(second.userId)).toEqual([{ code: 'TeamLeader' }]);
    expect((await client.em().findOneOrFail(Collector, Number(first.id))).position).toBe('collector');
  });
});
