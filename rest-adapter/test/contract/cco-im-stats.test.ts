import { Decimal, forkForTenant } from '@platform/kit';
import { CollectionCase, Communication, Ptp, Repayment, type CollectionsRuntime } from '@platform/collections';
import { useTestPlatform } from '../support/platform';
import { eventually } from '../support/activity-events';
import { call, ccoAdminToken, CCO_TIME } from '../support/contract';

/**
 * CCO collector app § 2 (home page, ranking) and § 8 (statistics) through adapter → router → collections (+ identity
 * and activity): exact figures against work written at known local times (agency UTC+8), and the documented errors.
 */
const platform = useTestPlatform();
let tenantadmin: string;
const tokens = { c1: '', c2: '' };
const ids = { c1: 0, c2: 0, tenant: 0 };

const error = (code: number) => ({ code, message: expect.any(String), data: null });
const at8 = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);
const PASSWORD = '123456';

async function graph(token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await platform.platform.router.executor.execute({ query, variables, headers: { authorization: `Bearer ${token}` } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as Record<string, never>;
}

/** The organisation through the admin console's routes, the collectors signed in through the app's. */
async function organisation() {
  const agency = await call(platform.app, 'POST', '/api/v1/agencies', {
    token: tenantadmin,
    body: { agency_code: 'STATS_A', agency_name: '统计机构', timezone: 8, agency_type: 'real', is_active: true },
  });
  const team = await call(platform.app, 'POST', '/api/v1/teams', {
    token: tenantadmin,
    body: { agency_id: agency.body.data.id, team_code: 'STATS_T', team_name: 'M1催收小组', max_case_count: 5000, is_active: true },
  });
  for (const [key, name] of [['c1', '王小明'], ['c2', '张三']] as const) {
    const created = await call(platform.app, 'POST', '/api/v1/collectors', {
      token: tenantadmin,
      body: {
        agency_id: agency.body.data.id,
        team_id: team.body.data.id,
        collector_code: `STATS_${key}`,
        collector_name: name,
        login_id: `stats_${key}`,
        password: PASSWORD,
        max_case_count: 150,
        status: 'active',
        is_active: true,
      },
    });
    if (created.status !== 200) throw new Error(JSON.stringify(created.body));
    ids[key] = created.body.data.id;
    const login = await call(platform.app, 'POST', '/api/v1/im/auth/login', { body: { loginId: `stats_${key}`, password: PASSWORD, device_id: `D_${key}` } });
    tokens[key] = login.body.data.token;
  }
  ids.tenant = Number(((await graph(tenantadmin, '{ me { tenantId } }')).me as { tenantId: string }).tenantId);
}

/** Work written into collections at known local times (the app's own write routes come with other parts). */
async function work() {
  const runtime = platform.platform.subgraphs.find((s) => s.name === 'collections') as unknown as CollectionsRuntime;
  const em = forkForTenant(runtime.orm.em, String(ids.tenant));
  const kase = (collectorId: number, code: string, extra: Partial<CollectionCase> = {}) =>
    em.create(CollectionCase, {
      tenantId: ids.tenant,
      caseCode: code,
      customerId: code,
      userName: `客户${code}`,
      mobile: '+639170000000',
      loanAmount: new Decimal(1000),
      dueDate: '2025-10-01',
      outstandingAmount: new Decimal('1000.00'),
      overdueDays: 50,
      collectorId,
      assignedAt: at8('2025-10-02 10:00:00'),
      ...extra,
    });
  const k1 = kase(ids.c1, 'SK1');
  kase(ids.c1, 'SK1B', { caseStatus: 'settled', outstandingAmount: new Decimal(0), settlementDate: '2025-11-20' });
  const kNew = kase(ids.c1, 'SK1N', { assignedAt: new Date(), overdueDays: 3, outstandingAmount: new Decimal('6000.00') });
  const k2 = kase(ids.c2, 'SK2');
  await em.flush();
  const comm = (k: CollectionCase, time: Date, contactResult: string, callDurationSeconds?: number) =>
    em.create(Communication, { tenantId: ids.tenant, caseId: k.id, collectorId: k.collectorId, contactTime: time, contactMethod: 'phone', contactResult, callDurationSeconds });
  comm(k1, at8('2025-11-19 23:50:00'), '接通'); // the day before
  comm(k1, at8('2025-11-20 09:15:00'), '接通', 60);
  comm(k1, at8('2025-11-20 09:45:00'), '未接通');
  comm(k1, at8('2025-11-20 10:05:00'), '接通', 120);
  comm(k1, at8('2025-11-21 00:05:00'), '接通'); // the day after
  em.create(Ptp, { tenantId: ids.tenant, caseId: k1.id, collectorId: ids.c1, createdAt: at8('2025-11-20 09:20:00'), promiseDate: '2025-11-25', promiseAmount: new Decimal('500.00') });
  const repay = (k: CollectionCase, id: string, time: Date, amount: string) =>
    em.create(Repayment, { tenantId: ids.tenant, caseId: k.id, collectorId: k.collectorId, repaymentId: id, repaymentDate: time, repaymentAmount: new Decimal(amount), source: 'partner' });
  repay(k1, 'SR1', at8('2025-11-20 10:30:00'), '300.10');
  repay(k1, 'SR2', at8('2025-11-20 23:59:30'), '0.01');
  repay(k1, 'SR3', at8('2025-11-21 00:00:30'), '7.00');
  repay(k2, 'SR4', at8('2025-11-20 15:00:00'), '500.00');
  // Today's work.
  const now = new Date();
  comm(kNew, new Date(now.getTime() - 60_000), '接通');
  em.create(Ptp, { tenantId: ids.tenant, caseId: kNew.id, collectorId: ids.c1, promiseDate: '2025-12-01', promiseAmount: new Decimal('20.00') }); // due: overdue, pending
  repay(kNew, 'SR5', new Date(now.getTime() - 30_000), '100.00');
  await em.flush();
}

/** One unread notification for c1, as the admin console pushes it. */
async function notification() {
  const userId = ((await graph(tokens.c1, '{ me { id } }')).me as { id: string }).id;
  await call(platform.app, 'POST', '/api/v1/notification-templates', {
    token: tenantadmin,
    body: { template_id: 'NEW_CASES', template_name: '新案件分配', template_type: 'case_assign', content_template: '您有新案件待处理', target_type: 'collector', priority: 'medium', is_enabled: true },
  });
  await eventually(async () => (await call(platform.app, 'POST', '/api/v1/notifications/push', { token: tenantadmin, body: { template_id: 'NEW_CASES', target_collectors: [Number(userId)] } })).status === 200);
}

beforeAll(async () => {
  tenantadmin = await ccoAdminToken(platform.app, 'tenantadmin', 'admin123');
  await organisation();
  await work();
  await notification();
});

describe('GET /api/v1/im/statistics/daily', () => {
  it('answers the day’s figures and contacts per local hour exactly', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/statistics/daily?date=2025-11-20', { token: tokens.c1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        date: '2025-11-20',
        contact_count: 3,
        effective_contact_count: 2,
        ptp_count: 1,
        collected_amount: 300.11, // 23:59:30 still counts; 00:00:30 the next day does not
        resolved_cases: 1,
        working_hours: 0.8, // 09:15 → 10:05
        hourly_distribution: [{ hour: 9, contact_count: 2 }, { hour: 10, contact_count: 1 }],
      },
    });
  });

  it('puts work around local midnight on its own day', async () => {
    expect((await call(platform.app, 'GET', '/api/v1/im/statistics/daily?date=2025-11-19', { token: tokens.c1 })).body.data).toMatchObject({ contact_count: 1, hourly_distribution: [{ hour: 23, contact_count: 1 }] });
    expect((await call(platform.app, 'GET', '/api/v1/im/statistics/daily?date=2025-11-21', { token: tokens.c1 })).body.data).toMatchObject({ contact_count: 1, collected_amount: 7, hourly_distribution: [{ hour: 0, contact_count: 1 }] });
  });

  it('defaults to today; a bad date is 400 naming it; no token 401; an administrator 403', async () => {
    const today = await call(platform.app, 'GET', '/api/v1/im/statistics/daily', { token: tokens.c1 });
    expect(today.body.data).toMatchObject({ contact_count: 1, ptp_count: 1, collected_amount: 100 });
    for (const date of ['20251120', '2025-02-30']) {
      expect(await call(platform.app, 'GET', `/api/v1/im/statistics/daily?date=${date}`, { token: tokens.c1 })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining('date') } });
    }
    expect(await call(platform.app, 'GET', '/api/v1/im/statistics/daily')).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', '/api/v1/im/statistics/daily', { token: tenantadmin })).toMatchObject({ status: 403, body: error(403) });
  });
});

describe('GET /api/v1/im/statistics/performance', () => {
  it('a custom period answers every documented group exactly', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/statistics/performance?period=custom&start_date=2025-11-01&end_date=2025-11-30', { token: tokens.c1 });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      period: 'custom',
      start_date: '2025-11-01',
      end_date: '2025-11-30',
      case_statistics: { total_cases: 2, new_cases: 0, resolved_cases: 1, resolution_rate: 0.5 },
      contact_statistics: { total_contacts: 5, effective_contacts: 4, contact_rate: 0.8, average_call_duration: 90 },
      ptp_statistics: { total_ptp: 1, kept_ptp: 0, broken_ptp: 0, pending_ptp: 1, ptp_kept_rate: 0 },
      // 300.10 + 0.01 + 7.00; / (307.11 + 1000.00 owed); / 2 held cases
      collection_statistics: { total_collected_amount: 307.11, collection_rate: 0.23, average_case_amount: 153.56 },
      working_hours: { total_hours: 0.8, average_daily_hours: 0.3, online_rate: 0 },
      // 张三 collected 500.00 that month
      ranking: { team_rank: 2, team_total: 2, agency_rank: 2, agency_total: 2 },
    });
  });

  it('month is the default: this month, its first to its last day', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/statistics/performance', { token: tokens.c1 });
    expect(res.body.data).toMatchObject({ period: 'month', start_date: expect.stringMatching(/-01$/), ranking: { team_rank: 1 } });
    expect(res.body.data.collection_statistics.total_collected_amount).toBe(100);
  });

  it('custom without both dates, dates out of order, an unknown period: 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['period=custom&end_date=2025-11-30', 'start_date'],
      ['period=custom&start_date=2025-11-01', 'end_date'],
      ['period=custom&start_date=2025-11-30&end_date=2025-11-01', 'end_date'],
      ['period=year', 'period'],
      ['period=custom&start_date=2025-13-01&end_date=2025-11-01', 'start_date'],
    ];
    for (const [query, field] of cases) {
      expect(await call(platform.app, 'GET', `/api/v1/im/statistics/performance?${query}`, { token: tokens.c1 })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining(field) } });
    }
    expect(await call(platform.app, 'GET', '/api/v1/im/statistics/performance')).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', '/api/v1/im/statistics/performance', { token: tenantadmin })).toMatchObject({ status: 403, body: error(403) });
  });
});

describe('GET /api/v1/im/statistics/cases', () => {
  it('bands the open cases as documented', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/statistics/cases', { token: tokens.c1 });
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        total_cases: 2, // SK1 and today's SK1N; SK1B is settled
        by_status: { pending_repayment: 2, partial_repayment: 0, ptp_pending: 0 },
        by_overdue_days: { dpd_1_15: 1, dpd_16_30: 0, dpd_31_plus: 1 },
        by_amount: { under_5000: 1, '5000_10000': 1, over_10000: 0 },
        // written straight into collections: no case carries a last contact
        by_contact_status: { never_contacted: 2, contacted_today: 0, last_contact_3_days: 0, last_contact_7_days: 0, last_contact_over_7_days: 0 },
      },
    });
    expect(await call(platform.app, 'GET', '/api/v1/im/statistics/cases')).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', '/api/v1/im/statistics/cases', { token: tenantadmin })).toMatchObject({ status: 403, body: error(403) });
  });
});

describe('GET /api/v1/im/dashboard', () => {
  it('answers collector info, today, this month, to-dos, recent work and unread notifications', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/dashboard', { token: tokens.c1 });
    expect(res.status).toBe(200);
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        collector_info: { collector_name: '王小明', team_name: 'M1催收小组', current_case_count: expect.any(Number), work_status: 'offline' },
        today_statistics: {
          date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
          contact_count: 1,
          effective_contact_count: 1,
          contact_rate: 1,
          ptp_count: 1,
          collected_amount: 100,
          resolved_cases: 0,
          working_hours: 0,
        },
        month_statistics: {
          month,
          total_contact_count: 1,
          total_ptp_count: 1,
          total_collected_amount: 100,
          total_resolved_cases: 0,
          performance_score: null,
          ranking: 1,
        },
        todo_list: [
          { type: 'follow_up', title: '跟进PTP到期案件', count: 2, priority: 'high' }, // today's and 11-25's, both pending
          { type: 'new_case', title: '处理新分配案件', count: 1, priority: 'medium' },
          { type: 'uncontacted', title: '未联系案件', count: 2, priority: 'medium' },
        ],
        recent_activities: expect.any(Array),
        notifications: [{ id: expect.any(Number), title: expect.any(String), content: '您有新案件待处理', is_read: false, created_at: expect.stringMatching(CCO_TIME) }],
      },
    });
    const activities = res.body.data.recent_activities as Array<{ time: string; type: string; content: string }>;
    expect(activities).toHaveLength(10);
    expect(activities.slice(0, 3).map((a) => [a.type, a.content])).toEqual([
      ['ptp', '获得客户客户SK1N的还款承诺（20.00元，2025-12-01）'], // made just now
      ['repayment', '客户客户SK1N已还款100.00元'], // 30 s ago
      ['communication', '联系客户客户SK1N（phone：接通）'], // a minute ago
    ]);
    for (const a of activities) expect(a.time).toMatch(CCO_TIME);
  });

  it('shows the work status the collector set in the app', async () => {
    const set = await call(platform.app, 'PUT', '/api/v1/im/profile/work-status', { token: tokens.c1, body: { work_status: 'busy' } });
    expect(set.status).toBe(200);
    const res = await call(platform.app, 'GET', '/api/v1/im/dashboard', { token: tokens.c1 });
    expect(res.body.data.collector_info.work_status).toBe('busy');
  });

  it('without a token 401; an administrator’s token 403', async () => {
    expect(await call(platform.app, 'GET', '/api/v1/im/dashboard')).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', '/api/v1/im/dashboard', { token: tenantadmin })).toMatchObject({ status: 403, body: error(403) });
  });
});

describe('GET /api/v1/im/dashboard/ranking', () => {
  it('defaults to the team by collected amount this month; names the caller’s rank and the top 10', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/dashboard/ranking', { token: tokens.c2 });
    expect(res.body).toEqual({
      code: 200,
      message: 'success',
      data: {
        type: 'collected_amount',
        scope: 'team',
        period: 'month',
        my_ranking: { rank: 2, collector_name: '张三', value: 0 },
        top_10: [{ rank: 1, collector_name: '王小明', value: 100 }, { rank: 2, collector_name: '张三', value: 0 }],
      },
    });
  });

  it('ranks by contacts today across the agency', async () => {
    const res = await call(platform.app, 'GET', '/api/v1/im/dashboard/ranking?type=contact&scope=agency&period=today', { token: tokens.c1 });
    expect(res.body.data).toMatchObject({ type: 'contact', scope: 'agency', period: 'today', my_ranking: { rank: 1, value: 1 } });
  });

  it('an unknown type, scope or period is 400 naming it; no token 401; an administrator 403', async () => {
    for (const [query, field] of [['type=calls', 'type'], ['scope=world', 'scope'], ['period=year', 'period']]) {
      expect(await call(platform.app, 'GET', `/api/v1/im/dashboard/ranking?${query}`, { token: tokens.c1 })).toMatchObject({ status: 400, body: { ...error(400), message: expect.stringContaining(field) } });
    }
    expect(await call(platform.app, 'GET', '/api/v1/im/dashboard/ranking')).toMatchObject({ status: 401, body: error(401) });
    expect(await call(platform.app, 'GET', '/api/v1/im/dashboard/ranking', { token: tenantadmin })).toMatchObject({ status: 403, body: error(403) });
  });
});
