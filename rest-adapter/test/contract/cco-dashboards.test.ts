import { Decimal, forkForTenant } from '@platform/kit';
import { CCO_ROLES } from '@platform/testkit';
import { Agency, CollectionCase, Collector, Communication, Ptp, QualityInspection, Repayment, type CollectionsRuntime } from '@platform/collections';
import { useTestPlatform } from '../support/platform';
import { collectorToken } from '../support/activity-events';
import { call, ccoAdminToken, CCO_TIME } from '../support/contract';

const platform = useTestPlatform();
let tenantadmin: string;
let collector: string;
let agencyAdmin: string;
const ids = { A1: 0, A2: 0, c1: 0, c2: 0 };

const error = (code: number) => ({ code, message: expect.any(String), data: null });
/** A local time at UTC+8 (the agencies' zone) as a UTC instant. */
const at8 = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);

/** A small day of work on 2025-11-20 written into collections (its admin routes for these rows come with other parts). */
async function seed(tenantId: number) {
  const runtime = platform.platform.subgraphs.find((s) => s.name === 'collections') as unknown as CollectionsRuntime;
  const em = forkForTenant(runtime.orm.em, String(tenantId));
  const A1 = em.create(Agency, { tenantId, agencyCode: 'DA1', agencyName: '催收机构1' });
  const A2 = em.create(Agency, { tenantId, agencyCode: 'DA2', agencyName: '催收机构2' });
  await em.flush();
  const profile = (agency: Agency, code: string, name: string, userId: string, position: Collector['position'] = 'collector') =>
    em.create(Collector, { tenantId, agencyId: agency.id, userId, collectorCode: code, collectorName: name, position });
  const c1 = profile(A1, 'DC1', '王小明', '900001');
  const c2 = profile(A2, 'DC2', '李小红', '900002');
  profile(A1, 'DADM', '机构管理员', '900003', 'agency_admin');
  await em.flush();
  const kase = (c: Collector, code: string) =>
    em.create(CollectionCase, {
      tenantId, caseCode: code, customerId: code, userName: code, mobile: '+639170000000', loanAmount: new Decimal(1000), dueDate: '2025-10-01',
      outstandingAmount: new Decimal('1000.00'), overdueDays: 50, agencyId: c.agencyId, collectorId: c.id, assignedAt: at8('2025-10-02 10:00:00'),
    });
  const [k1, k2] = [kase(c1, 'DK1'), kase(c2, 'DK2')];
  await em.flush();
  const place = (c: Collector, k: CollectionCase) => ({ tenantId, caseId: k.id, collectorId: c.id, agencyId: c.agencyId });
  em.create(Communication, { ...place(c1, k1), contactTime: at8('2025-11-20 09:15:00'), contactMethod: 'phone', contactResult: '接通' });
  em.create(Communication, { ...place(c1, k1), contactTime: at8('2025-11-20 10:05:00'), contactMethod: 'whatsapp', contactResult: '未接通' });
  em.create(Communication, { ...place(c2, k2), contactTime: at8('2025-11-20 11:00:00'), contactMethod: 'phone', contactResult: '接通' });
  em.create(Ptp, { ...place(c1, k1), createdAt: at8('2025-11-20 09:20:00'), promiseDate: '2025-11-25', promiseAmount: new Decimal('1000.10'), promiseStatus: 'kept' });
  em.create(Ptp, { ...place(c2, k2), createdAt: at8('2025-11-20 11:05:00'), promiseDate: '2025-11-26', promiseAmount: new Decimal('0.05'), promiseStatus: 'pending' });
  em.create(QualityInspection, { ...place(c1, k1), communicationId: 1, reviewerId: '1', score: 90, result: '优秀', createdAt: at8('2025-11-20 17:00:00') });
  em.create(QualityInspection, { ...place(c2, k2), communicationId: 3, reviewerId: '1', score: 71, result: '一般', createdAt: at8('2025-11-20 17:05:00') });
  em.create(Repayment, { ...place(c1, k1), repaymentId: 'DR1', repaymentAmount: new Decimal('300.10'), repaymentDate: at8('2025-11-20 12:00:00'), source: 'partner' });
  await em.flush();
  Object.assign(ids, { A1: A1.id, A2: A2.id, c1: c1.id, c2: c2.id });
  agencyAdmin = runtime.signer.signAccess(CCO_ROLES.AgencyAdmin({ tenantId: String(tenantId), userId: '900003' }), 3600);
}

beforeAll(async () => {
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  collector = (await collectorToken(platform, tenantadmin, 'dash_collector')).token;
  await seed(await tenantOfAdmin());
});

/** The DEMO tenant's id, as identity knows it. */
async function tenantOfAdmin(): Promise<number> {
  const res = await platform.platform.router.executor.execute({ query: '{ me { tenantId } }', headers: { authorization: `Bearer ${tenantadmin}` } });
  return Number((res.data as { me: { tenantId: string } }).me.tenantId);
}

const get = (path: string, token?: string) => call(platform.app, 'GET', path, { token });
const ROUTES = ['communications', 'ptp', 'quality-inspections', 'performance', 'analytics', 'alerts'].map((r) => `/api/v1/dashboard/${r}`);

describe('/api/v1/dashboard/*', () => {
  it('GET communications: the day\'s total, by method, by result and by local hour', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/dashboard/communications?date=2025-11-20', { token: tenantadmin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        date: '2025-11-20',
        total_communications: 3,
        by_method: { phone: 2, whatsapp: 1, sms: 0, email: 0, visit: 0 },
        by_result: { 接通: 2, 未接通: 1 },
        by_hour: [{ hour: 9, count: 1 }, { hour: 10, count: 1 }, { hour: 11, count: 1 }],
      },
    });
    const mine = await call(platform.app, 'GET', `/api/v1/dashboard/communications?date=2025-11-20&collector_id=${ids.c1}`, { token: tenantadmin });
    expect(mine.body.data).toMatchObject({ total_communications: 2, by_result: { 接通: 1, 未接通: 1 } });
  });

  it('GET ptp: count, the exact promised sum, by status and by collector', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/dashboard/ptp?date=2025-11-20', { token: tenantadmin });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      date: '2025-11-20',
      total_ptp: 2,
      total_promise_amount: 1000.15,
      ptp_by_status: { pending: 1, kept: 1, partially_kept: 0, broken: 0, cancelled: 0 },
      ptp_by_collector: [
        { collector_id: ids.c1, collector_name: '王小明', ptp_count: 1, kept_count: 1 },
        { collector_id: ids.c2, collector_name: '李小红', ptp_count: 1, kept_count: 0 },
      ],
    });
  });

  it('GET quality-inspections: count, mean score, by result', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/dashboard/quality-inspections?date=2025-11-20', { token: tenantadmin });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ date: '2025-11-20', total_inspections: 2, average_score: 80.5, by_result: { 优秀: 1, 良好: 0, 一般: 1, 较差: 0 } });
  });

  it('GET performance: one collector\'s month as documented, or a page of every collector in scope', async () => {
    const one = await call(platform.app, 'GET', `/api/v1/dashboard/performance?collector_id=${ids.c1}&month=2025-11`, { token: tenantadmin });
    expect(one.status).toBe(200);
    expect(one.body.data).toEqual({
      collector_id: ids.c1,
      collector_name: '王小明',
      month: '2025-11',
      total_cases: 1,
      contacted_cases: 1,
      resolved_cases: 0,
      contact_rate: 1,
      resolution_rate: 0,
      total_collected_amount: 300.1,
      ptp_kept_rate: 1,
    });
    const page = await call(platform.app, 'GET', '/api/v1/dashboard/performance?month=2025-11&size=1&page=2', { token: tenantadmin });
    expect(page.body.data).toMatchObject({ total: 2, page: 2, size: 1, items: [{ collector_id: ids.c2, total_collected_amount: 0, ptp_kept_rate: 0 }] });
    expect(await call(platform.app, 'GET', '/api/v1/dashboard/performance?collector_id=999999&month=2025-11', { token: tenantadmin })).toMatchObject({ status: 404, body: error(404) });
  });

  it('GET analytics: the case book by queue and agency and the range\'s work', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/dashboard/analytics?date_from=2025-11-01&date_to=2025-11-30', { token: tenantadmin });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      date_from: '2025-11-01',
      date_to: '2025-11-30',
      total_cases: 2,
      open_cases: 2,
      outstanding_amount: 2000,
      collected_amount: 300.1,
      total_communications: 3,
      contacted_cases: 2,
      contact_rate: 1,
      total_ptp: 2,
      total_promise_amount: 1000.15,
      ptp_rate: 1,
      ptp_kept_rate: 1,
      by_queue: [{ queue_id: null, queue_name: null, case_count: 2, open_cases: 2, outstanding_amount: 2000 }],
      by_agency: [
        { agency_id: ids.A1, agency_name: '催收机构1', case_count: 1, open_cases: 1, outstanding_amount: 1000, collected_amount: 300.1 },
        { agency_id: ids.A2, agency_name: '催收机构2', case_count: 1, open_cases: 1, outstanding_amount: 1000, collected_amount: 0 },
      ],
    });
  });

  it('GET alerts: each alert\'s count and first items', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/dashboard/alerts?limit=1', { token: tenantadmin });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      generated_at: expect.stringMatching(CCO_TIME),
      over_capacity_collectors: { count: 0, items: [] },
      broken_ptps: { count: 0, items: [] },
      uncontacted_cases: { count: 2, items: [{ case_id: expect.any(Number), case_code: expect.stringMatching(/^DK/), collector_id: expect.any(Number), last_contact_at: null, overdue_days: 50 }] },
      idle_collectors: { count: 2, items: [{ collector_id: ids.c1, collector_name: '王小明', last_activity_at: null }] },
    });
  });

  it('an agency admin\'s figures hold their agency only', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/dashboard/communications?date=2025-11-20', { token: agencyAdmin });
    expect(res.body.data).toMatchObject({ total_communications: 2, by_hour: [{ hour: 9, count: 1 }, { hour: 10, count: 1 }] });
    expect((await call(platform.app, 'GET', '/api/v1/dashboard/ptp?date=2025-11-20', { token: agencyAdmin })).body.data).toMatchObject({ total_ptp: 1, total_promise_amount: 1000.1 });
  });

  it('401 without a token, 403 for a collector token, on every dashboard', async () => {
    for (const path of ROUTES) {
      expect(await get(path)).toMatchObject({ status: 401, body: error(401) });
      expect(await get(path, collector)).toMatchObject({ status: 403, body: error(403) });
    }
  });

  it('400 naming the bad date, month or id', async () => {
    const cases: Array<[string, string]> = [
      ['/api/v1/dashboard/communications?date=2025-11-2', 'date'],
      ['/api/v1/dashboard/ptp?date=2025-02-30', 'date'],
      ['/api/v1/dashboard/quality-inspections?agency_id=abc', 'agency_id'],
      ['/api/v1/dashboard/performance?month=2025-13', 'month'],
      ['/api/v1/dashboard/performance?month=202511', 'month'],
      ['/api/v1/dashboard/analytics?date_from=2025-11-31', 'date_from'],
      ['/api/v1/dashboard/alerts?limit=0', 'limit'],
    ];
    for (const [path, field] of cases) {
      expect(await get(path, tenantadmin)).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining(field) } });
    }
  });
});

describe('POST /api/v1/idle-monitor/calculate', () => {
  const calculate = (body: unknown, token: string | null = tenantadmin) =>
    call(platform.app, 'POST', '/api/v1/idle-monitor/calculate', { token: token ?? undefined, body });

  it('answers the agency\'s idle collectors within its working hours', async () => {
    const res = await calculate({ date: '2025-11-20', agency_id: ids.A1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        date: '2025-11-20',
        agency_id: ids.A1,
        agency_name: '催收机构1',
        working_hours: { start_time: '2025-11-20 09:00:00', end_time: '2025-11-20 18:00:00' },
        threshold_minutes: 30,
        // 09:15 call, 09:20 promise, 10:05 call: the gaps over 30 minutes are 09:20–10:05 and 10:05–18:00
        idle_collectors: [{ collector_id: ids.c1, collector_name: '王小明', idle_minutes: 45 + 475, idle_reason: '长时间无操作', last_activity_at: '2025-11-20 10:05:00' }],
      },
    });
  });

  it('401, 403 for a collector, 404 for an agency out of reach, 400 naming agency_id or date', async () => {
    expect(await calculate({ date: '2025-11-20', agency_id: ids.A1 }, null)).toMatchObject({ status: 401, body: error(401) });
    expect(await calculate({ date: '2025-11-20', agency_id: ids.A1 }, collector)).toMatchObject({ status: 403, body: error(403) });
    expect(await calculate({ date: '2025-11-20', agency_id: ids.A2 }, agencyAdmin)).toMatchObject({ status: 404, body: error(404) });
    expect(await calculate({ date: '2025-11-20' })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('agency_id') } });
    expect(await calculate({ date: '2025-11-31', agency_id: ids.A1 })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('date') } });
  });
});
