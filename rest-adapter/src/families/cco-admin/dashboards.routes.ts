import { money2 } from '@platform/kit';
import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, intId, intIdParam, queryInt } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';
import { ccoFieldMessages, ccoPage, ccoPageQuery, ccoTimeOrNull, localTime, tenantZone } from './cco.shapes';
import {
  CcoCollectorPerformanceDocument,
  CcoCommunicationStatsDocument,
  CcoDashboardAlertsDocument,
  CcoDashboardAnalyticsDocument,
  CcoIdleCollectorsDocument,
  CcoPtpStatsDocument,
  CcoQualityInspectionStatsDocument,
  type CcoCaseGroupFragment,
} from './operations.generated';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
const month = z.string().regex(/^\d{4}-\d{2}$/, 'must be a month (YYYY-MM)');
const counts = z.record(z.string(), z.number().int());
const amount = z.number().describe('exact, two decimals');
const rateField = z.number().describe('a fraction with two decimals: 0.90 is 90 %');

/** GraphQL argument → the document's name, for the graph's BAD_USER_INPUT. */
const FIELDS = { agencyId: 'agency_id', teamId: 'team_id', collectorId: 'collector_id', dateFrom: 'date_from', dateTo: 'date_to', notContactedDays: 'not_contacted_days', idleMinutes: 'idle_minutes' };
const common = { family: ccoAdmin, rateLimit: rateLimit.none, auth: true, fieldAliases: FIELDS, errorMessages: ccoFieldMessages } as const;
const WHO =
  'Every admin-console role (dashboards:view); figures stay inside the caller\'s data scope (an agency admin sees their ' +
  'agency, an SPV their group\'s teams, a team leader their team), and a filter naming something outside it gives ' +
  'empty figures. A collector token is 403.';
const ZONE =
  'The day (and hours) are counted in the agency\'s time zone when agency_id is given (or the caller belongs to one), ' +
  'else the tenant\'s `timezone` setting, else UTC+8.';

const dailyQuery = z.object({
  date: date.optional().describe('YYYY-MM-DD; default today'),
  agency_id: intIdParam.optional(),
  team_id: intIdParam.optional(),
  collector_id: intIdParam.optional(),
});
const dailyVariables = ({ query }: { query: z.output<typeof dailyQuery> }) =>
  defined({ date: query.date, agencyId: query.agency_id, teamId: query.team_id, collectorId: query.collector_id });
const asRecord = (rows: Array<{ key: string; count: number }>) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
const idOrNull = (id: string | null | undefined) => (id ? Number(id) : null);
/** A fixed UTC offset as a zone name (`UTC+8`). */
const offsetZone = (hours: number) => (hours === 0 ? 'UTC' : `UTC${hours > 0 ? '+' : ''}${hours}`);

const performanceItem = z.object({
  collector_id: z.number().int(),
  collector_name: z.string(),
  month: z.string(),
  total_cases: z.number().int(),
  contacted_cases: z.number().int(),
  resolved_cases: z.number().int(),
  contact_rate: rateField,
  resolution_rate: rateField,
  total_collected_amount: amount,
  ptp_kept_rate: rateField,
});
const queueGroup = z.object({ queue_id: z.number().int().nullable(), queue_name: z.string().nullable(), case_count: z.number().int(), open_cases: z.number().int(), outstanding_amount: amount });
const agencyGroup = z.object({ agency_id: z.number().int().nullable(), agency_name: z.string().nullable(), case_count: z.number().int(), open_cases: z.number().int(), outstanding_amount: amount, collected_amount: amount });
const alert = <T extends z.ZodType>(item: T) => z.object({ count: z.number().int(), items: z.array(item) });
const group = (g: CcoCaseGroupFragment) => ({ case_count: g.caseCount, open_cases: g.openCases, outstanding_amount: money2(g.outstandingAmount) });

export const ccoDashboardRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/dashboard/communications',
    summary: '沟通记录统计',
    description: `Communications of the day: total, by contact method (every method, zero included), by result, by local hour (hours with communications). ${ZONE} ${WHO}`,
    query: dailyQuery,
    response: z.object({
      date: z.string(),
      total_communications: z.number().int(),
      by_method: counts,
      by_result: counts,
      by_hour: z.array(z.object({ hour: z.number().int(), count: z.number().int() })),
    }),
    operation: CcoCommunicationStatsDocument,
    variables: dailyVariables,
    map: ({ communicationStats: s }) => ({
      date: s.date,
      total_communications: s.total,
      by_method: asRecord(s.byMethod),
      by_result: asRecord(s.byResult),
      by_hour: s.byHour,
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/dashboard/ptp',
    summary: 'PTP统计',
    description:
      'Promises made that day: their number, the exact sum promised, counts by status (pending, kept, partially_kept, ' +
      `broken, cancelled), and per collector the promises made and how many of them are kept (most first). ${ZONE} ${WHO}`,
    query: dailyQuery,
    response: z.object({
      date: z.string(),
      total_ptp: z.number().int(),
      total_promise_amount: amount,
      ptp_by_status: counts,
      ptp_by_collector: z.array(z.object({ collector_id: z.number().int(), collector_name: z.string(), ptp_count: z.number().int(), kept_count: z.number().int() })),
    }),
    operation: CcoPtpStatsDocument,
    variables: dailyVariables,
    map: ({ ptpStats: s }) => ({
      date: s.date,
      total_ptp: s.total,
      total_promise_amount: money2(s.totalPromiseAmount),
      ptp_by_status: asRecord(s.byStatus),
      ptp_by_collector: s.byCollector.map((c) => ({ collector_id: Number(c.collectorId), collector_name: c.collectorName, ptp_count: c.ptpCount, kept_count: c.keptCount })),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/dashboard/quality-inspections',
    summary: '质检统计',
    description:
      'Quality inspections made that day (query parameters as the other daily dashboards): their number, the mean score ' +
      `(two decimals; null without inspections) and counts by result (优秀, 良好, 一般, 较差, zero included). ${ZONE} ${WHO}`,
    query: dailyQuery,
    response: z.object({ date: z.string(), total_inspections: z.number().int(), average_score: z.number().nullable(), by_result: counts }),
    operation: CcoQualityInspectionStatsDocument,
    variables: dailyVariables,
    map: ({ qualityInspectionStats: s }) => ({ date: s.date, total_inspections: s.total, average_score: s.averageScore ?? null, by_result: asRecord(s.byResult) }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/dashboard/performance',
    summary: '催员绩效统计',
    description:
      'A collector\'s month (default this month). With collector_id, data is that collector\'s figures as documented ' +
      '(a collector outside the caller\'s scope is 404). Without it, data is a page `{total, page, size, items}` with one ' +
      'item per collector in scope (agency_id / team_id narrow it), by id. total_cases: cases held (assigned before the ' +
      'month ended, not settled before it began); contacted_cases: distinct cases with a communication by the collector in ' +
      'the month; resolved_cases: held cases settled in the month; rates are fractions of total_cases; ' +
      'total_collected_amount: confirmed repayments credited to the collector in the month (exact); ptp_kept_rate: of ' +
      `the promises due in the month that are decided, the kept ones / (kept + partially kept + broken). ${WHO}`,
    query: z.object({
      month: month.optional().describe('YYYY-MM; default this month'),
      collector_id: intIdParam.optional(),
      agency_id: intIdParam.optional(),
      team_id: intIdParam.optional(),
      ...ccoPageQuery,
    }),
    response: z.union([performanceItem, ccoPage(performanceItem)]),
    operation: CcoCollectorPerformanceDocument,
    variables: ({ query }) =>
      defined({ month: query.month, collectorId: query.collector_id, agencyId: query.agency_id, teamId: query.team_id, page: query.page, pageSize: query.size }),
    map: ({ collectorPerformance: p }, { query }) => {
      const items = p.items.map((r) => ({
        collector_id: Number(r.collectorId),
        collector_name: r.collectorName,
        month: r.month,
        total_cases: r.totalCases,
        contacted_cases: r.contactedCases,
        resolved_cases: r.resolvedCases,
        contact_rate: r.contactRate,
        resolution_rate: r.resolutionRate,
        total_collected_amount: money2(r.totalCollectedAmount),
        ptp_kept_rate: r.ptpKeptRate,
      }));
      return query.collector_id ? items[0] : { total: p.total, page: p.page, size: query.size, items };
    },
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/dashboard/analytics',
    summary: '分析统计',
    description:
      'The document gives only the path (多维度数据分析). Query: date_from, date_to (YYYY-MM-DD, inclusive; default the ' +
      'last 30 days to today), agency_id. data: the case book as it stands (total_cases, open_cases — pending, partially ' +
      'repaid or promised —, outstanding_amount) and the work of the range: collected_amount (confirmed repayments), ' +
      'total_communications, contacted_cases (distinct cases contacted), contact_rate (contacted / open), total_ptp and ' +
      'total_promise_amount (promises made), ptp_rate (cases with a promise / contacted cases), ptp_kept_rate (of promises ' +
      'due in the range and decided, the kept ones); by_queue and by_agency split the book (and, per agency, what it ' +
      `collected); a null id groups cases in no queue / agency. Amounts exact, rates fractions with two decimals. ${ZONE} ${WHO}`,
    query: z.object({ date_from: date.optional(), date_to: date.optional(), agency_id: intIdParam.optional() }),
    response: z.object({
      date_from: z.string(),
      date_to: z.string(),
      total_cases: z.number().int(),
      open_cases: z.number().int(),
      outstanding_amount: amount,
      collected_amount: amount,
      total_communications: z.number().int(),
      contacted_cases: z.number().int(),
      contact_rate: rateField,
      total_ptp: z.number().int(),
      total_promise_amount: amount,
      ptp_rate: rateField,
      ptp_kept_rate: rateField,
      by_queue: z.array(queueGroup),
      by_agency: z.array(agencyGroup),
    }),
    operation: CcoDashboardAnalyticsDocument,
    variables: ({ query }) => defined({ dateFrom: query.date_from, dateTo: query.date_to, agencyId: query.agency_id }),
    map: ({ dashboardAnalytics: a }) => ({
      date_from: a.dateFrom,
      date_to: a.dateTo,
      total_cases: a.totalCases,
      open_cases: a.openCases,
      outstanding_amount: money2(a.outstandingAmount),
      collected_amount: money2(a.collectedAmount),
      total_communications: a.communications,
      contacted_cases: a.contactedCases,
      contact_rate: a.contactRate,
      total_ptp: a.ptpCount,
      total_promise_amount: money2(a.ptpAmount),
      ptp_rate: a.ptpRate,
      ptp_kept_rate: a.ptpKeptRate,
      by_queue: a.byQueue.map((g) => ({ queue_id: idOrNull(g.id), queue_name: g.name ?? null, ...group(g) })),
      by_agency: a.byAgency.map((g) => ({ agency_id: idOrNull(g.id), agency_name: g.name ?? null, ...group(g), collected_amount: money2(g.collectedAmount ?? '0') })),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/dashboard/alerts',
    summary: '预警统计',
    description:
      'The document gives only the path (异常预警统计). Query: agency_id, not_contacted_days (default 3), idle_minutes ' +
      '(default the tenant\'s `idle_threshold_minutes`, 30), limit (items per alert, default 5, at most 50). Each alert ' +
      'is `{count, items}` (count: all of them; items: the first `limit`): over_capacity_collectors — active collectors ' +
      'holding more open cases than their max_case_count, most over first; broken_ptps — promises due in the last 7 days ' +
      '(before today) still pending or broken, largest first; uncontacted_cases — open assigned cases with no contact for ' +
      'not_contacted_days (or never), longest first; idle_collectors — active collectors with no activity for idle_minutes ' +
      `(or never). Times in the tenant's zone. ${WHO}`,
    query: z.object({
      agency_id: intIdParam.optional(),
      not_contacted_days: queryInt(1, 365).optional(),
      idle_minutes: queryInt(1, 1440).optional(),
      limit: queryInt(1, 50).optional(),
    }),
    response: z.object({
      generated_at: localTime,
      over_capacity_collectors: alert(z.object({ collector_id: z.number().int(), collector_name: z.string(), case_count: z.number().int(), max_case_count: z.number().int() })),
      broken_ptps: alert(z.object({ ptp_id: z.number().int(), case_id: z.number().int(), collector_id: z.number().int().nullable(), promise_date: z.string(), promise_amount: amount, promise_status: z.string() })),
      uncontacted_cases: alert(z.object({ case_id: z.number().int(), case_code: z.string(), collector_id: z.number().int().nullable(), last_contact_at: localTime.nullable(), overdue_days: z.number().int() })),
      idle_collectors: alert(z.object({ collector_id: z.number().int(), collector_name: z.string(), last_activity_at: localTime.nullable() })),
    }),
    operation: CcoDashboardAlertsDocument,
    variables: ({ query }) =>
      defined({ agencyId: query.agency_id, notContactedDays: query.not_contacted_days, idleMinutes: query.idle_minutes, limit: query.limit }),
    map: ({ me, dashboardAlerts: a }) => {
      const zone = tenantZone(me);
      return {
        generated_at: ccoAdmin.time(a.generatedAt, zone),
        over_capacity_collectors: {
          count: a.overCapacity.count,
          items: a.overCapacity.items.map((c) => ({ collector_id: Number(c.collectorId), collector_name: c.collectorName, case_count: c.caseCount, max_case_count: c.maxCaseCount })),
        },
        broken_ptps: {
          count: a.brokenPtps.count,
          items: a.brokenPtps.items.map((p) => ({
            ptp_id: Number(p.ptpId),
            case_id: Number(p.caseId),
            collector_id: idOrNull(p.collectorId),
            promise_date: p.promiseDate,
            promise_amount: money2(p.promiseAmount),
            promise_status: p.promiseStatus,
          })),
        },
        uncontacted_cases: {
          count: a.notContactedCases.count,
          items: a.notContactedCases.items.map((c) => ({
            case_id: Number(c.caseId),
            case_code: c.caseCode,
            collector_id: idOrNull(c.collectorId),
            last_contact_at: ccoTimeOrNull(c.lastContactAt, zone),
            overdue_days: c.overdueDays,
          })),
        },
        idle_collectors: {
          count: a.idleCollectors.count,
          items: a.idleCollectors.items.map((c) => ({ collector_id: Number(c.collectorId), collector_name: c.collectorName, last_activity_at: ccoTimeOrNull(c.lastActivityAt, zone) })),
        },
      };
    },
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/idle-monitor/calculate',
    summary: '空闲催员监控',
    description:
      'Idle time of the agency\'s active collectors (those in the caller\'s scope) on `date` (default today, the agency\'s ' +
      'zone) within its working hours (its working-hour rows; none at all: Monday–Friday 09:00–18:00; a day without a ' +
      'working row is a day off: no one is idle). Activities: communications (contact time), promises made, the ' +
      'profile\'s last activity. idle_minutes: the sum of the gaps between consecutive activities (the working hours\' ' +
      'start and end count as activities) longer than the tenant\'s `idle_threshold_minutes` (default 30), only the part ' +
      'of the day already past. idle_reason: 无分配案件 (no open case), 无沟通记录 (no activity in the working hours), ' +
      'else 长时间无操作. last_activity_at: the latest activity in the working hours, else the last known before they ' +
      'ended, in the agency\'s zone. Only collectors idle at all are listed, most idle first; data also carries agency_id, ' +
      `working_hours ({start_time, end_time} or null) and threshold_minutes. An agency outside the caller's reach is 404. ${WHO}`,
    body: z.object({ date: date.optional(), agency_id: intId }),
    response: z.object({
      date: z.string(),
      agency_id: z.number().int(),
      agency_name: z.string(),
      working_hours: z.object({ start_time: localTime, end_time: localTime }).nullable(),
      threshold_minutes: z.number().int(),
      idle_collectors: z.array(z.object({
        collector_id: z.number().int(),
        collector_name: z.string(),
        idle_minutes: z.number().int(),
        idle_reason: z.string(),
        last_activity_at: localTime.nullable(),
      })),
    }),
    operation: CcoIdleCollectorsDocument,
    variables: ({ body }) => ({ agencyId: String(body.agency_id), ...defined({ date: body.date }) }),
    map: ({ idleCollectors: r }) => {
      const zone = offsetZone(r.utcOffsetHours);
      return {
        date: r.date,
        agency_id: Number(r.agencyId),
        agency_name: r.agencyName,
        working_hours: r.workStart && r.workEnd ? { start_time: ccoAdmin.time(r.workStart, zone), end_time: ccoAdmin.time(r.workEnd, zone) } : null,
        threshold_minutes: r.thresholdMinutes,
        idle_collectors: r.idleCollectors.map((c) => ({
          collector_id: Number(c.collectorId),
          collector_name: c.collectorName,
          idle_minutes: c.idleMinutes,
          idle_reason: c.idleReason,
          last_activity_at: ccoTimeOrNull(c.lastActivityAt, zone),
        })),
      };
    },
  }),
];
