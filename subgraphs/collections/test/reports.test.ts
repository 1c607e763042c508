import { Decimal, OutboxEvent } from '@platform/kit';
import { CollectionCase, Communication, FieldDisplay, Ptp, Repayment, StandardField } from '@platform/collections';
import { codeOf, CollectionsClient, fieldOf, type OrgFixture } from './support/harness';

let client: CollectionsClient;
let org: OrgFixture;

const COLUMNS = 'query ($fields: [String!]!) { caseExportColumns(fields: $fields) { key header type } }';
const PAGE = `query ($fields: [String!]!, $filter: CaseExportFilter, $afterId: ID, $first: Int, $zone: String) {
  caseExportPage(fields: $fields, filter: $filter, afterId: $afterId, first: $first, zone: $zone) { rows lastId hasMore }
}`;
const PERFORMANCE = `query ($month: String!, $agencyId: ID, $afterId: ID, $first: Int) {
  performanceReportPage(month: $month, agencyId: $agencyId, afterId: $afterId, first: $first) { rows lastId hasMore }
}`;
type Page = { rows: (string | null)[][]; lastId: string | null; hasMore: boolean };

beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
  const em = client.em(null);
  const aCase = (n: number, c: keyof OrgFixture['collectors'], extra: Partial<CollectionCase> = {}) => {
    const collector = org.collectors[c];
    return em.create(CollectionCase, {
      tenantId: collector.tenantId,
      caseCode: `CASE_${String(n).padStart(3, '0')}`,
      customerId: `USER_${n}`,
      userName: `客户${n}`,
      mobile: '+63-917-111-1111',
      idNumber: 'ID123456',
      loanAmount: new Decimal('5000'),
      outstandingAmount: new Decimal('4000.5'),
      dueDate: '2025-11-05',
      overdueDays: 10 + n,
      queueId: collector.tenantId === 1 ? org.queues.M1.id : null,
      agencyId: collector.agencyId,
      teamGroupId: collector.teamGroupId,
      teamId: collector.teamId,
      collectorId: collector.id,
      assignedAt: new Date('2025-11-18T01:00:00Z'),
      ...extra,
    });
  };
  // c1, c2, c3: agency A1; c4: agency A2; x1: tenant 2. Standard fields (案件编号, 逾期天数 …) come from the seed.
  aCase(1, 'c1', { caseStatus: 'settled', settlementDate: '2025-11-20' });
  aCase(2, 'c1');
  aCase(3, 'c2');
  aCase(4, 'c3', { assignedAt: new Date('2025-10-31T20:00:00Z') });
  aCase(5, 'c4');
  aCase(6, 'x1');
  em.create(FieldDisplay, { tenantId: 1, sceneType: 'admin_case_list', fieldKey: 'user_name', fieldName: '客户姓名' });
  em.create(FieldDisplay, { tenantId: 1, sceneType: 'admin_case_list', fieldKey: 'case_code', fieldName: '案件号(列表)' });
  em.create(FieldDisplay, { tenantId: 1, sceneType: 'export', fieldKey: 'case_code', fieldName: '案件号' });
  em.create(FieldDisplay, { tenantId: 2, sceneType: 'export', fieldKey: 'mobile', fieldName: 'Other tenant phone' });
  em.create(FieldDisplay, { tenantId: 1, sceneType: 'export', fieldKey: 'risk_score', fieldName: '风险分', fieldSource: 'custom' });
  await em.flush();
  // A field no tenant names and the standard list lacks is headed with its key.
  await em.nativeDelete(StandardField, { fieldKey: 'assigned_at' });
});
afterAll(() => client.close());

describe('caseExportColumns', () => {
  it('heads each field with the tenant\u2019s name: export scene, else admin list, else standard, else the key; in the order asked', async () => {
    const { caseExportColumns } = await client.ok<{ caseExportColumns: unknown[] }>(org.callers.tenantAdmin, COLUMNS, {
      fields: ['overdue_days', 'case_code', 'user_name', 'mobile', 'outstanding_amount', 'assigned_at', 'risk_score'],
    });
    expect(caseExportColumns).toEqual([
      { key: 'overdue_days', header: '逾期天数', type: 'integer' },
      { key: 'case_code', header: '案件号', type: 'text' },
      { key: 'user_name', header: '客户姓名', type: 'text' },
      { key: 'mobile', header: '手机号', type: 'text' },
      { key: 'outstanding_amount', header: '未还总额', type: 'money' },
      { key: 'assigned_at', header: 'assigned_at', type: 'datetime' },
      { key: 'risk_score', header: '风险分', type: 'text' },
    ]);
  });

  it('an unknown key (or another tenant\u2019s custom field, or none) is BAD_USER_INPUT naming fields', async () => {
    for (const fields of [['case_code', 'password'], [], ['risk_score_x']]) {
      const res = await client.run(org.callers.tenantAdmin, COLUMNS, { fields });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res)).toBe('fields');
    }
    const other = await client.run(org.callers.otherTenantAdmin, COLUMNS, { fields: ['risk_score'] });
    expect(fieldOf(other)).toBe('fields');
  });

  it('a collector is refused', async () => {
    expect(codeOf(await client.run(org.callers.c1, COLUMNS, { fields: ['case_code'] }))).toBe('FORBIDDEN');
  });
});

describe('caseExportPage', () => {
  const page = async (who: keyof OrgFixture['callers'], vars: Record<string, unknown>) =>
    (await client.ok<{ caseExportPage: Page }>(org.callers[who], PAGE, { fields: ['case_code', 'mobile', 'id_number', 'outstanding_amount', 'assigned_at', 'collector_name'], ...vars })).caseExportPage;

  it('a tenant admin (holding cases:view_sensitive) reads every case of the tenant unmasked, money to 2 decimals, times ISO UTC', async () => {
    const { rows, hasMore } = await page('tenantAdmin', {});
    expect(hasMore).toBe(false);
    expect(rows.map((r) => r[0])).toEqual(['CASE_001', 'CASE_002', 'CASE_003', 'CASE_004', 'CASE_005']);
    expect(rows[0]).toEqual(['CASE_001', '+63-917-111-1111', 'ID123456', '4000.50', '2025-11-18T01:00:00.000Z', '王小明']);
  });

  it('an agency admin reads their agency\u2019s cases only, personal data masked', async () => {
    const { rows } = await page('agencyAdmin', {});
    expect(rows.map((r) => r[0])).toEqual(['CASE_001', 'CASE_002', 'CASE_003', 'CASE_004']);
    expect(rows[0].slice(1, 3)).toEqual(['+63-917-***-**11', 'ID***456']);
    const team = await page('teamLeader', {});
    expect(team.rows.map((r) => r[0])).toEqual(['CASE_001', 'CASE_002', 'CASE_003']);
  });

  it('an unmasked page is one audit entry naming its cases; a masked page writes none', async () => {
    const exported = async () =>
      (await client.em(null).find(OutboxEvent, { topic: 'audit.recorded' })).filter(
        (e) => (e.payload as { action: string }).action === 'export_personal_data',
      );
    const before = (await exported()).length;
    await page('tenantAdmin', {});
    const after = await exported();
    expect(after).toHaveLength(before + 1);
    expect((after[after.length - 1].payload as { after: { case_ids: number[] } }).after.case_ids).toHaveLength(5);
    await page('agencyAdmin', {});
    expect(await exported()).toHaveLength(before + 1);
  });

  it('pages by keyset: id after the last one, first rows at a time', async () => {
    const first = await page('tenantAdmin', { first: 2 });
    expect(first.rows.map((r) => r[0])).toEqual(['CASE_001', 'CASE_002']);
    expect(first.hasMore).toBe(true);
    const second = await page('tenantAdmin', { first: 2, afterId: first.lastId });
    expect(second.rows.map((r) => r[0])).toEqual(['CASE_003', 'CASE_004']);
    const bad = await client.run(org.callers.tenantAdmin, PAGE, { fields: ['case_code'], first: 5000 });
    expect(fieldOf(bad)).toBe('first');
  });

  it('filters: queue, agency, team, collector, status, overdue days, and a date range of the tenant\u2019s days on assigned_at', async () => {
    const codes = async (filter: Record<string, unknown>, zone?: string) => (await page('tenantAdmin', { filter, zone })).rows.map((r) => r[0]);
    expect(await codes({ agencyId: String(org.agencies.A2.id) })).toEqual(['CASE_005']);
    expect(await codes({ teamId: String(org.teams.T2.id) })).toEqual(['CASE_004']);
    expect(await codes({ collectorId: String(org.collectors.c2.id) })).toEqual(['CASE_003']);
    expect(await codes({ caseStatus: 'settled' })).toEqual(['CASE_001']);
    expect(await codes({ queueId: String(org.queues.M2.id) })).toEqual([]);
    expect(await codes({ overdueDaysMin: 13, overdueDaysMax: 14 })).toEqual(['CASE_003', 'CASE_004']);
    // CASE_004 was assigned 2025-10-31 20:00 UTC: 1 November in Manila, 31 October in UTC.
    const november = { dateField: 'assignedAt', startDate: '2025-11-01', endDate: '2025-11-30' };
    expect(await codes(november)).toEqual(['CASE_001', 'CASE_002', 'CASE_003', 'CASE_005']);
    expect(await codes(november, 'Asia/Manila')).toEqual(['CASE_001', 'CASE_002', 'CASE_003', 'CASE_004', 'CASE_005']);
    const badDay = await client.run(org.callers.tenantAdmin, PAGE, { fields: ['case_code'], filter: { startDate: '2025-02-30' } });
    expect(fieldOf(badDay)).toBe('startDate');
    const badEnd = await client.run(org.callers.tenantAdmin, PAGE, { fields: ['case_code'], filter: { endDate: '2025-02-30' } });
    expect(fieldOf(badEnd)).toBe('endDate');
  });

  it('reads a page in a fixed number of statements, whatever its size', async () => {
    const fields = ['case_code', 'queue_name', 'agency_name', 'team_name', 'collector_name'];
    const count = async (first: number) => {
      client.sql.reset();
      await client.ok(org.callers.tenantAdmin, PAGE, { fields, first });
      return client.sql.count;
    };
    const one = await count(1);
    expect(one).toBeGreaterThan(1);
    expect(await count(5)).toBe(one);
  });
});

describe('performanceReportPage', () => {
  beforeAll(async () => {
    const em = client.em(null);
    const [case1, case2] = await em.find(CollectionCase, { caseCode: { $in: ['CASE_001', 'CASE_002'] } }, { orderBy: { id: 'asc' } });
    const c1 = org.collectors.c1;
    const base = { tenantId: 1, collectorId: c1.id, agencyId: c1.agencyId, teamId: c1.teamId };
    em.create(Communication, { ...base, caseId: case1.id, contactMethod: 'phone', contactResult: '接通', contactTime: new Date('2025-11-03T02:00:00Z') });
    em.create(Communication, { ...base, caseId: case1.id, contactMethod: 'sms', contactResult: 'sent', contactTime: new Date('2025-11-04T02:00:00Z') });
    em.create(Communication, { ...base, caseId: case2.id, contactMethod: 'phone', contactResult: '接通', contactTime: new Date('2025-10-04T02:00:00Z') });
    em.create(Repayment, { ...base, repaymentId: 'R1', caseId: case1.id, repaymentAmount: new Decimal('1000.10'), repaymentDate: new Date('2025-11-20T02:00:00Z'), source: 'partner' });
    em.create(Repayment, { ...base, repaymentId: 'R2', caseId: case1.id, repaymentAmount: new Decimal('0.20'), repaymentDate: new Date('2025-11-21T02:00:00Z'), source: 'partner' });
    em.create(Ptp, { ...base, caseId: case1.id, promiseDate: '2025-11-10', promiseAmount: new Decimal(100), promiseStatus: 'kept' });
    em.create(Ptp, { ...base, caseId: case2.id, promiseDate: '2025-11-12', promiseAmount: new Decimal(100), promiseStatus: 'broken' });
    em.create(Ptp, { ...base, caseId: case2.id, promiseDate: '2025-11-28', promiseAmount: new Decimal(100), promiseStatus: 'pending' });
    await em.flush();
  });

  it('a row per collector in scope with the month\u2019s figures computed in SQL', async () => {
    const { performanceReportPage: p } = await client.ok<{ performanceReportPage: Page }>(org.callers.agencyAdmin, PERFORMANCE, { month: '2025-11' });
    expect(p.rows.map((r) => r[1])).toEqual(['COL_001', 'COL_002', 'COL_003']);
    expect(p.rows[0]).toEqual([String(org.collectors.c1.id), 'COL_001', '王小明', '机构 A1', 'T1小组', '2025-11', '2', '1', '1', '0.50', '0.50', '1000.30', '0.50']);
    expect(p.rows[1].slice(6)).toEqual(['1', '0', '0', '0.00', '0.00', '0.00', '0.00']);
  });

  it('the tenant admin pages through every collector of the tenant; a bad month names month; a collector is refused', async () => {
    const one = await client.ok<{ performanceReportPage: Page }>(org.callers.tenantAdmin, PERFORMANCE, { month: '2025-11', first: 3 });
    expect(one.performanceReportPage.hasMore).toBe(true);
    const rest = await client.ok<{ performanceReportPage: Page }>(org.callers.tenantAdmin, PERFORMANCE, { month: '2025-11', first: 3, afterId: one.performanceReportPage.lastId });
    expect(rest.performanceReportPage.rows.map((r) => r[1])).toEqual(['COL_004']);
    expect(fieldOf(await client.run(org.callers.tenantAdmin, PERFORMANCE, { month: '2025-13' }))).toBe('month');
    expect(codeOf(await client.run(org.callers.c1, PERFORMANCE, { month: '2025-11' }))).toBe('FORBIDDEN');
  });
});
