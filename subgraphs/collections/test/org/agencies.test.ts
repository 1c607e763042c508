import Decimal from 'decimal.js';
import { Agency, CollectionCase } from '@platform/collections';
import { codeOf, CollectionsClient, fieldOf, type OrgFixture } from '../support/harness';

let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  // Cases of agency A1: two open (T1), one settled (T1), one open (T2); one of A2.
  const em = client.em();
  const kase = (code: string, agencyId: number, teamId: number, collectorId: number, caseStatus: CollectionCase['caseStatus']) =>
    em.create(CollectionCase, {
      tenantId: 1,
      caseCode: code,
      customerId: `C-${code}`,
      userName: '客户',
      mobile: '+63-917-000-0000',
      loanAmount: new Decimal(1000),
      dueDate: '2025-10-01',
      outstandingAmount: new Decimal(1000),
      overdueDays: 10,
      agencyId,
      teamId,
      collectorId,
      caseStatus,
    } as never);
  kase('K1', org.agencies.A1.id, org.teams.T1.id, org.collectors.c1.id, 'pending_repayment');
  kase('K2', org.agencies.A1.id, org.teams.T1.id, org.collectors.c1.id, 'promised');
  kase('K3', org.agencies.A1.id, org.teams.T1.id, org.collectors.c2.id, 'settled');
  kase('K4', org.agencies.A1.id, org.teams.T2.id, org.collectors.c3.id, 'partial_repayment');
  kase('K5', org.agencies.A2.id, org.teams.T3.id, org.collectors.c4.id, 'pending_repayment');
  await em.flush();
});
afterAll(() => client.close());

const AGENCY_FIELDS = 'id tenantId agencyCode agencyName agencyNameEn contactPerson contactPhone contactEmail address timezone agencyType isActive createdAt';
const CREATE = `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { ${AGENCY_FIELDS} } }`;
const DETAIL = 'query($id: ID!) { agency(id: $id) { agencyName teamCount collectorCount totalCases activeCases } }';
const NEW_AGENCY = {
  agencyCode: 'AGENCY_001',
  agencyName: '催收机构1',
  agencyNameEn: 'Collection Agency 1',
  contactPerson: '张三',
  contactPhone: '+63-917-123-4567',
  contactEmail: 'agency1@example.com',
  address: '马尼拉市中心大楼',
  timezone: 8,
  agencyType: 'real',
  isActive: true,
};

describe('agencies', () => {
  let created: string;

  it('a TenantAdmin creates an agency in their tenant with every documented field', async () => {
    const { createAgency } = await client.ok(org.callers.tenantAdmin, CREATE, { input: NEW_AGENCY });
    expect(createAgency).toMatchObject({ ...NEW_AGENCY, tenantId: '1' });
    created = createAgency.id;
  });

  it('a taken code is CONFLICT; a bad field is BAD_USER_INPUT naming it; another tenant is FORBIDDEN; nothing is written', async () => {
    const before = await client.em().count(Agency);
    expect(codeOf(await client.run(org.callers.tenantAdmin, CREATE, { input: NEW_AGENCY }))).toBe('CONFLICT');
    const bad = await client.run(org.callers.tenantAdmin, CREATE, { input: { ...NEW_AGENCY, agencyCode: 'A_X', agencyType: 'imaginary' } });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'agencyType']);
    const other = await client.run(org.callers.tenantAdmin, CREATE, { input: { ...NEW_AGENCY, agencyCode: 'A_Y', tenantId: '2' } });
    expect(codeOf(other)).toBe('FORBIDDEN');
    const platform = await client.run(org.callers.superAdmin, CREATE, { input: { ...NEW_AGENCY, agencyCode: 'A_Z' } });
    expect(codeOf(platform)).toBe('BAD_USER_INPUT');
    expect(await client.em().count(Agency)).toBe(before);
  });

  it('lists by tenant and isActive with paging; a SuperAdmin narrows by tenantId', async () => {
    const LIST = 'query($t: ID, $a: Boolean, $p: Int, $s: Int) { agencies(tenantId: $t, isActive: $a, page: $p, pageSize: $s) { total page pageSize items { agencyCode } } }';
    const mine = (await client.ok(org.callers.tenantAdmin, LIST, {})).agencies;
    expect(mine.items.map((a: { agencyCode: string }) => a.agencyCode)).toEqual(['A1', 'A2', 'AGENCY_001']);
    expect((await client.ok(org.callers.superAdmin, LIST, { t: '2' })).agencies.items).toEqual([{ agencyCode: 'X1' }]);
    expect((await client.ok(org.callers.superAdmin, LIST, {})).agencies.total).toBe(4);
    expect((await client.ok(org.callers.tenantAdmin, LIST, { a: false })).agencies.total).toBe(0);
    expect((await client.ok(org.callers.tenantAdmin, LIST, { p: 2, s: 2 })).agencies).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ agencyCode: 'AGENCY_001' }] });
  });

  it('the detail counts teams, collectors, all and open cases in SQL', async () => {
    expect((await client.ok(org.callers.tenantAdmin, DETAIL, { id: String(org.agencies.A1.id) })).agency).toEqual({
      agencyName: '机构 A1',
      teamCount: 2,
      collectorCount: 3,
      totalCases: 4,
      activeCases: 3,
    });
  });

  it('updates only the fields given; another tenant’s agency is FORBIDDEN, an unknown one NOT_FOUND', async () => {
    const UPDATE = 'mutation($id: ID!, $input: UpdateAgencyInput!) { updateAgency(id: $id, input: $input) { agencyName contactPerson timezone } }';
    const updated = await client.ok(org.callers.tenantAdmin, UPDATE, { id: created, input: { contactPerson: '李四', timezone: 7 } });
    expect(updated.updateAgency).toEqual({ agencyName: '催收机构1', contactPerson: '李四', timezone: 7 });
    expect(codeOf(await client.run(org.callers.tenantAdmin, UPDATE, { id: String(org.agencies.X1.id), input: { contactPerson: 'x' } }))).toBe('FORBIDDEN');
    expect(codeOf(await client.run(org.callers.tenantAdmin, UPDATE, { id: '99999', input: { contactPerson: 'x' } }))).toBe('NOT_FOUND');
    const taken = await client.run(org.callers.tenantAdmin, UPDATE, { id: created, input: { agencyCode: 'A1' } });
    expect(codeOf(taken)).toBe('CONFLICT');
  });

  it('delete is refused while teams, collectors or open cases remain, saying which; an empty agency goes', async () => {
    const DELETE = 'mutation($id: ID!) { deleteAgency(id: $id) }';
    const refused = await client.run(org.callers.tenantAdmin, DELETE, { id: String(org.agencies.A1.id) });
    expect(codeOf(refused)).toBe('BUSINESS_RULE');
    expect(refused.errors![0].message).toBe('Agency A1 still has 2 team(s), 6 collector(s), 3 open case(s)');
    expect(refused.errors![0].extensions).toMatchObject({ teams: 2, collectors: 6, openCases: 3 });
    expect(await client.ok(org.callers.tenantAdmin, DELETE, { id: created })).toEqual({ deleteAgency: true });
    expect((await client.ok(org.callers.tenantAdmin, DETAIL, { id: created })).agency).toBeNull();
  });
});

describe('working hours', () => {
  const HOURS = 'query($a: ID) { agencyWorkingHours(agencyId: $a) { id agencyId dayOfWeek startTime endTime isWorkingDay } }';
  const SET = 'mutation($a: ID!, $d: [WorkingDayInput!]!) { setAgencyWorkingHours(agencyId: $a, days: $d) { dayOfWeek startTime endTime isWorkingDay } }';

  it('an agency with none configured has Monday to Friday 09:00–18:00', async () => {
    const days = (await client.ok(org.callers.tenantAdmin, HOURS, { a: String(org.agencies.A2.id) })).agencyWorkingHours;
    expect(days).toHaveLength(7);
    expect(days[0]).toEqual({ id: null, agencyId: String(org.agencies.A2.id), dayOfWeek: 1, startTime: '09:00:00', endTime: '18:00:00', isWorkingDay: true });
    expect(days[6]).toMatchObject({ dayOfWeek: 7, isWorkingDay: false });
  });

  it('setting days keeps the others; an end before the start is BAD_USER_INPUT naming it and changes nothing', async () => {
    const a = String(org.agencies.A2.id);
    const week = await client.ok(org.callers.agencyAdmin, SET, { a: String(org.agencies.A1.id), d: [{ dayOfWeek: 6, startTime: '10:00', endTime: '14:00', isWorkingDay: true }] });
    expect(week.setAgencyWorkingHours[5]).toEqual({ dayOfWeek: 6, startTime: '10:00:00', endTime: '14:00:00', isWorkingDay: true });
    const bad = await client.run(org.callers.tenantAdmin, SET, { a, d: [{ dayOfWeek: 1, startTime: '18:00', endTime: '09:00', isWorkingDay: true }] });
    expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'days.0.endTime']);
    expect((await client.ok(org.callers.tenantAdmin, HOURS, { a })).agencyWorkingHours[0].startTime).toBe('09:00:00');
    expect(codeOf(await client.run(org.callers.agencyAdmin, SET, { a, d: [{ dayOfWeek: 1, startTime: '08:00', endTime: '17:00', isWorkingDay: true }] }))).toBe('NOT_FOUND');
  });
});
