import ExcelJS from 'exceljs';
import type { EntityManager } from '@mikro-orm/core';
import { Decimal, forkForTenant, localDateTime, type Orm } from '@platform/kit';
import { Agency, CollectionCase, Collector, FieldDisplay, Team } from '@platform/collections';
import { useTestPlatform } from '../support/platform';
import { collectorToken } from '../support/activity-events';
import { bearer, call, ccoAdminToken } from '../support/contract';

const platform = useTestPlatform();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const error = (code: number) => ({ code, message: expect.any(String), data: null });

let tenantadmin: string;
let agencyadmin: string;
let collector: string;
let tenantId: number;
let zone: string;
let agencies: { A1: Agency; A2: Agency };

const graph = async <T>(token: string, query: string, variables: Record<string, unknown> = {}) => {
  const res = await platform.platform.router.executor.execute({ query, variables, headers: bearer(token) });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
};

/** An agency admin of the tenant: created in identity through the router, signed in at the admin console. */
async function agencyAdmin(username: string): Promise<{ id: string; token: string }> {
  const { createUser } = await graph<{ createUser: { id: string } }>(tenantadmin, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
    i: { username, password: 'secret123', roleCode: 'AgencyAdmin' },
  });
  return { id: createUser.id, token: await ccoAdminToken(platform.app, username, 'secret123') };
}

const collectionsEm = (): EntityManager => {
  const runtime = platform.platform.subgraphs.find((s) => s.name === 'collections') as unknown as { orm: Orm } | undefined;
  if (!runtime) throw new Error('no collections subgraph');
  return forkForTenant(runtime.orm.em, null);
};

beforeAll(async () => {
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  const { me } = await graph<{ me: { tenantId: string; tenant: { zone: string } | null } }>(tenantadmin, '{ me { tenantId tenant { zone } } }');
  tenantId = Number(me.tenantId);
  zone = me.tenant?.zone ?? 'UTC';
  const admin = await agencyAdmin('agency_admin_a1');
  agencyadmin = admin.token;
  collector = (await collectorToken(platform, tenantadmin, 'collector_r1')).token;

  const em = collectionsEm();
  agencies = {
    A1: em.create(Agency, { tenantId, agencyCode: 'A1', agencyName: '催收机构1' }),
    A2: em.create(Agency, { tenantId, agencyCode: 'A2', agencyName: '催收机构2' }),
  };
  const other = em.create(Agency, { tenantId: tenantId + 1000, agencyCode: 'X1', agencyName: 'other tenant' });
  await em.flush();
  const team = em.create(Team, { tenantId, agencyId: agencies.A1.id, teamCode: 'T1', teamName: 'M1催收小组' });
  await em.flush();
  em.create(Collector, { tenantId, userId: admin.id, agencyId: agencies.A1.id, collectorCode: 'ADM_A1', collectorName: '机构管理员', position: 'agency_admin' });
  const wang = em.create(Collector, { tenantId, userId: '90001', agencyId: agencies.A1.id, teamId: team.id, collectorCode: 'COL_001', collectorName: '王小明' });
  await em.flush();
  const aCase = (n: number, t: number, agency: Agency, extra: Partial<CollectionCase> = {}) =>
    em.create(CollectionCase, {
      tenantId: t,
      caseCode: `CASE_00${n}`,
      customerId: `USER_00${n}`,
      userName: `客户${n}`,
      mobile: '+63-917-111-1111',
      idNumber: 'ID123456',
      loanAmount: new Decimal('5000'),
      outstandingAmount: new Decimal('4000'),
      dueDate: '2025-11-05',
      overdueDays: 15,
      agencyId: agency.id,
      assignedAt: new Date('2025-11-18T01:00:00Z'),
      ...extra,
    });
  aCase(1, tenantId, agencies.A1, { teamId: team.id, collectorId: wang.id, outstandingAmount: new Decimal('4000.5') });
  aCase(2, tenantId, agencies.A1, { caseStatus: 'settled' });
  aCase(3, tenantId, agencies.A2);
  aCase(4, tenantId + 1000, other);
  em.create(FieldDisplay, { tenantId, sceneType: 'admin_case_list', fieldKey: 'case_code', fieldName: '案件编号' });
  em.create(FieldDisplay, { tenantId, sceneType: 'export', fieldKey: 'outstanding_amount', fieldName: '待还金额' });
  em.create(FieldDisplay, { tenantId, sceneType: 'admin_case_list', fieldKey: 'outstanding_amount', fieldName: '未还(列表)' });
  await em.flush();
});

async function download(path: string, token: string, body: unknown) {
  const res = await platform.app.inject({ method: 'POST', url: path, headers: bearer(token), payload: body as object });
  return res;
}

async function sheetOf(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows };
}

const FIELDS = ['case_code', 'user_name', 'mobile', 'id_number', 'overdue_days', 'outstanding_amount', 'collector_name', 'assigned_at'];

describe('POST /api/v1/reports/cases/export', () => {
  it('answers the .xlsx itself: tenant header names, the fields in order, money as numbers to 2 decimals, CCO times, unmasked for an admin', async () => {
    const res = await download('/api/v1/reports/cases/export', tenantadmin, { fields: FIELDS });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="cases_\d{8}\.xlsx"/);
    const { sheet, rows } = await sheetOf(res.rawPayload);
    expect(rows[0]).toEqual(['案件编号', '客户姓名', '手机号', '证件号码', '逾期天数', '待还金额', '催员', '分配时间']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['CASE_001', 'CASE_002', 'CASE_003']);
    const assigned = localDateTime(new Date('2025-11-18T01:00:00Z'), zone);
    expect(rows[1]).toEqual(['CASE_001', '客户1', '+63-917-111-1111', 'ID123456', 15, 4000.5, '王小明', assigned]);
    expect(sheet.getRow(2).getCell(6).numFmt).toBe('0.00');
  });

  it('an agency admin gets their agency\u2019s cases only, personal data masked (no cases:view_sensitive)', async () => {
    const res = await download('/api/v1/reports/cases/export', agencyadmin, { fields: ['case_code', 'mobile', 'id_number'] });
    expect(res.statusCode).toBe(200);
    const { rows } = await sheetOf(res.rawPayload);
    expect(rows.slice(1)).toEqual([
      ['CASE_001', '+63-917-***-**11', 'ID***456'],
      ['CASE_002', '+63-917-***-**11', 'ID***456'],
    ]);
  });

  it('filters: agency, status, and date_range on assigned_at', async () => {
    const codes = async (filters: unknown) => {
      const res = await download('/api/v1/reports/cases/export', tenantadmin, { filters, fields: ['case_code'] });
      expect(res.statusCode).toBe(200);
      return (await sheetOf(res.rawPayload)).rows.slice(1).map((r) => r[0]);
    };
    expect(await codes({ agency_id: agencies.A2.id })).toEqual(['CASE_003']);
    expect(await codes({ case_status: 'settled' })).toEqual(['CASE_002']);
    expect(await codes({ date_field: 'assigned_at', date_range: { start: '2025-11-01', end: '2025-11-30' } })).toEqual(['CASE_001', 'CASE_002', 'CASE_003']);
    expect(await codes({ date_field: 'assigned_at', date_range: { start: '2025-12-01' } })).toEqual([]);
  });

  it('a bad field key is 400 naming fields; a bad filter 400 naming it; no fields 400; 401 anonymous; 403 collector', async () => {
    const bad = await call(platform.app, 'POST', '/api/v1/reports/cases/export', { token: tenantadmin, body: { fields: ['case_code', 'password_hash'] } });
    expect(bad).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('fields') } });
    const missing = await call(platform.app, 'POST', '/api/v1/reports/cases/export', { token: tenantadmin, body: {} });
    expect(missing).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('fields') } });
    const badDay = await call(platform.app, 'POST', '/api/v1/reports/cases/export', {
      token: tenantadmin,
      body: { fields: ['case_code'], filters: { date_range: { start: '2025-11-1' } } },
    });
    expect(badDay).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('date_range.start') } });
    const impossible = await call(platform.app, 'POST', '/api/v1/reports/cases/export', {
      token: tenantadmin,
      body: { fields: ['case_code'], filters: { date_range: { end: '2025-02-30' } } },
    });
    expect(impossible).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('date_range.end') } });
    expect(await call(platform.app, 'POST', '/api/v1/reports/cases/export', { body: { fields: ['case_code'] } })).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'POST', '/api/v1/reports/cases/export', { token: collector, body: { fields: ['case_code'] } })).toMatchObject({ status: 403, body: error(403) });
  });
});

describe('POST /api/v1/reports/performance/export', () => {
  it('answers the .xlsx of the scope\u2019s collectors for the month, headed by the § 11.4 figures', async () => {
    const res = await download('/api/v1/reports/performance/export', agencyadmin, { month: '2025-11', agency_id: agencies.A1.id });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="performance_2025-11\.xlsx"/);
    const { rows } = await sheetOf(res.rawPayload);
    expect(rows[0]).toEqual(['催员ID', '催员编号', '催员姓名', '机构', '小组', '月份', '案件总数', '已联系案件数', '已结清案件数', '联系率', '结清率', '回款金额', 'PTP履约率']);
    expect(rows.slice(1)).toEqual([[expect.any(Number), 'COL_001', '王小明', '催收机构1', 'M1催收小组', '2025-11', 1, 0, 0, 0, 0, 0, 0]]);
  });

  it('an agency admin asking for another agency gets no rows; a bad month is 400 naming month; 401; 403 collector', async () => {
    const other = await download('/api/v1/reports/performance/export', agencyadmin, { month: '2025-11', agency_id: agencies.A2.id });
    expect((await sheetOf(other.rawPayload)).rows).toHaveLength(1);
    const bad = await call(platform.app, 'POST', '/api/v1/reports/performance/export', { token: tenantadmin, body: { month: '2025-13' } });
    expect(bad).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('month') } });
    expect(await call(platform.app, 'POST', '/api/v1/reports/performance/export', { body: { month: '2025-11' } })).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'POST', '/api/v1/reports/performance/export', { token: collector, body: { month: '2025-11' } })).toMatchObject({ status: 403, body: error(403) });
  });
});
