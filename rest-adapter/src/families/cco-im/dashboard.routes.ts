import { z } from 'zod';
import { money2 } from '@platform/kit';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { ccoFieldMessages, ccoTime, localTime, tenantZone } from '../cco-admin/cco.shapes';
import { amount } from './app.shapes';
import { ccoIm } from './cco-im.family';
import { type ImDayFiguresFragment, type ImRankEntryFragment, ImDashboardDocument, ImRankingDocument } from './operations.generated';

const dayFigures = z.object({
  date: z.string(),
  contact_count: z.number().int(),
  effective_contact_count: z.number().int(),
  contact_rate: z.number(),
  ptp_count: z.number().int(),
  collected_amount: amount,
  resolved_cases: z.number().int(),
  working_hours: z.number().describe('Hours from the first to the last communication of the day, one decimal'),
});

export const toDayFigures = (d: ImDayFiguresFragment): z.input<typeof dayFigures> => ({
  date: d.date,
  contact_count: d.contactCount,
  effective_contact_count: d.effectiveContactCount,
  contact_rate: d.contactRate,
  ptp_count: d.ptpCount,
  collected_amount: money2(d.collectedAmount),
  resolved_cases: d.resolvedCases,
  working_hours: d.workingHours,
});

const rankEntry = z.object({ rank: z.number().int(), collector_name: z.string(), value: z.number() });
const toRank = (e: ImRankEntryFragment) => ({ rank: e.rank, collector_name: e.collectorName, value: money2(e.value) });

const FIGURES =
  'Counted on the agency’s clock (its UTC offset): communications (effective = 接通/connected/answered), promises made, ' +
  'confirmed repayments credited to the collector, their cases settled; working_hours is the span from the first to the ' +
  'last communication of the day (the platform keeps no clock-in).';

export const ccoImDashboardRoutes = [
  graphqlRoute({
    method: 'GET',
    path: '/api/v1/im/dashboard',
    family: ccoIm,
    errorMessages: ccoFieldMessages,
    summary: '获取工作台数据',
    description:
      `The signed-in collector’s (or team leader’s) home page. today_statistics: today. ${FIGURES} month_statistics: this ` +
      'month’s totals, performance_score as the admin console set it (null when unset), ranking = rank in the team by ' +
      'collected amount this month (as /dashboard/ranking by default). collector_info.work_status is the app presence ' +
      'the collector sets (online, busy, away, offline; PUT /im/profile/work-status). todo_list: follow_up = pending promises due today or overdue (high); new_case = open cases assigned today; ' +
      'uncontacted = open cases never contacted (medium). recent_activities: the 10 newest communications, promises and ' +
      'repayments. notifications: the 5 newest unread. An account that is not for the app is 403.',
    response: z.object({
      collector_info: z.object({
        collector_name: z.string(),
        team_name: z.string().nullable(),
        current_case_count: z.number().int(),
        work_status: z.string(),
      }),
      today_statistics: dayFigures,
      month_statistics: z.object({
        month: z.string(),
        total_contact_count: z.number().int(),
        total_ptp_count: z.number().int(),
        total_collected_amount: amount,
        total_resolved_cases: z.number().int(),
        performance_score: z.number().nullable(),
        ranking: z.number().int(),
      }),
      todo_list: z.array(z.object({ type: z.string(), title: z.string(), count: z.number().int(), priority: z.string() })),
      recent_activities: z.array(z.object({ time: localTime, type: z.string(), content: z.string() })),
      notifications: z.array(z.object({ id: z.number().int(), title: z.string(), content: z.string(), is_read: z.boolean(), created_at: localTime })),
    }),
    rateLimit: rateLimit.none,
    auth: true,
    operation: ImDashboardDocument,
    map: ({ me, myDashboard: d, myNotifications }) => {
      const zone = tenantZone(me);
      const profile = me.collectorProfile;
      return {
        collector_info: {
          collector_name: profile?.collectorName ?? '',
          team_name: profile?.team?.teamName ?? null,
          current_case_count: profile?.currentCaseCount ?? 0,
          work_status: profile?.workStatus ?? 'offline',
        },
        today_statistics: toDayFigures(d.today),
        month_statistics: {
          month: d.month.month,
          total_contact_count: d.month.totalContactCount,
          total_ptp_count: d.month.totalPtpCount,
          total_collected_amount: money2(d.month.totalCollectedAmount),
          total_resolved_cases: d.month.totalResolvedCases,
          performance_score: d.month.performanceScore ?? null,
          ranking: d.month.ranking,
        },
        todo_list: d.todoList,
        recent_activities: d.recentActivities.map((a) => ({ time: ccoTime(a.time, zone), type: a.type, content: a.content })),
        notifications: myNotifications.items.map((n) => ({ id: Number(n.id), title: n.title, content: n.body, is_read: n.read, created_at: ccoTime(n.createdAt, zone) })),
      };
    },
  }),
  graphqlRoute({
    method: 'GET',
    path: '/api/v1/im/dashboard/ranking',
    family: ccoIm,
    errorMessages: ccoFieldMessages,
    summary: '获取排行榜',
    description:
      'Defaults: type collected_amount, scope team, period month. contact = communications, ptp = promises made, ' +
      'collected_amount = confirmed repayments credited, resolution = cases settled, over today, this week (Monday–Sunday) ' +
      'or this month on the agency’s clock. Ranked: the active collectors of the caller’s team, agency, or the whole tenant ' +
      '(all), and the caller; equal values share a rank (1, 2, 2, 4), then by collector id. value is a count or an amount ' +
      '(two decimals).',
    query: z.object({
      type: z.enum(['contact', 'ptp', 'collected_amount', 'resolution']).default('collected_amount'),
      scope: z.enum(['team', 'agency', 'all']).default('team'),
      period: z.enum(['today', 'week', 'month']).default('month'),
    }),
    response: z.object({ type: z.string(), scope: z.string(), period: z.string(), my_ranking: rankEntry, top_10: z.array(rankEntry) }),
    rateLimit: rateLimit.none,
    auth: true,
    operation: ImRankingDocument,
    variables: ({ query }) => ({ type: query.type, scope: query.scope, period: query.period }),
    map: ({ collectorRanking: r }) => ({
      type: r.type,
      scope: r.scope,
      period: r.period,
      my_ranking: toRank(r.myRanking),
      top_10: r.top10.map(toRank),
    }),
  }),
];
