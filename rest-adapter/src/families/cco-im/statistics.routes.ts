import { z } from 'zod';
import { money2 } from '@platform/kit';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { amount, counts, queryDate } from './app.shapes';
import { ccoFieldMessages } from '../cco-admin/cco.shapes';
import { ccoIm } from './cco-im.family';
import { ImCaseStatsDocument, ImDailyStatsDocument, ImPerformanceDocument } from './operations.generated';

const common = { family: ccoIm, rateLimit: rateLimit.none, auth: true, fieldAliases: { startDate: 'start_date', endDate: 'end_date' }, errorMessages: ccoFieldMessages } as const;
const OWN = 'The signed-in collector’s (or team leader’s) own figures, on the agency’s clock; an account that is not for the app is 403.';
const BY_STATUS = counts(['pending_repayment', 'partial_repayment', 'ptp_pending']);
const BY_OVERDUE = counts(['dpd_1_15', 'dpd_16_30', 'dpd_31_plus']);
const BY_AMOUNT = counts(['under_5000', '5000_10000', 'over_10000']);
const BY_CONTACT = counts(['never_contacted', 'contacted_today', 'last_contact_3_days', 'last_contact_7_days', 'last_contact_over_7_days']);

export const ccoImStatisticsRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/statistics/performance',
    summary: '我的绩效统计',
    description:
      `${OWN} period: today, week (Monday–Sunday), month (default; its first to last day) or custom (start_date and ` +
      'end_date required, end not before start, at most 366 days). Cases: held in the period (assigned before its end, ' +
      'not settled before its start), new = assigned in it, resolved = settled in it. Contacts in the period, ' +
      'average_call_duration in seconds over calls with a duration. PTPs made in the period by their status now; ' +
      'ptp_kept_rate = kept / total. collection_rate = collected / (collected + what the held cases owe now); ' +
      'average_case_amount = collected / held cases. working_hours: total = sum of each day’s first-to-last ' +
      'communication span, average over days with communications, online_rate = total / the agency’s scheduled hours ' +
      'so far in the period (at most 1). ranking: by collected amount among the team’s and agency’s active collectors.',
    query: z.object({
      period: z.enum(['today', 'week', 'month', 'custom']).default('month'),
      start_date: queryDate.optional(),
      end_date: queryDate.optional(),
    }),
    response: z.object({
      period: z.string(),
      start_date: z.string(),
      end_date: z.string(),
      case_statistics: z.object({ total_cases: z.number().int(), new_cases: z.number().int(), resolved_cases: z.number().int(), resolution_rate: z.number() }),
      contact_statistics: z.object({
        total_contacts: z.number().int(),
        effective_contacts: z.number().int(),
        contact_rate: z.number(),
        average_call_duration: z.number().int(),
      }),
      ptp_statistics: z.object({
        total_ptp: z.number().int(),
        kept_ptp: z.number().int(),
        broken_ptp: z.number().int(),
        pending_ptp: z.number().int(),
        ptp_kept_rate: z.number(),
      }),
      collection_statistics: z.object({ total_collected_amount: amount, collection_rate: z.number(), average_case_amount: amount }),
      working_hours: z.object({ total_hours: z.number(), average_daily_hours: z.number(), online_rate: z.number() }),
      ranking: z.object({ team_rank: z.number().int(), team_total: z.number().int(), agency_rank: z.number().int(), agency_total: z.number().int() }),
    }),
    operation: ImPerformanceDocument,
    variables: ({ query }) => ({ period: query.period, startDate: query.start_date, endDate: query.end_date }),
    map: ({ myPerformance: p }) => ({
      period: p.period,
      start_date: p.startDate,
      end_date: p.endDate,
      case_statistics: {
        total_cases: p.caseStatistics.totalCases,
        new_cases: p.caseStatistics.newCases,
        resolved_cases: p.caseStatistics.resolvedCases,
        resolution_rate: p.caseStatistics.resolutionRate,
      },
      contact_statistics: {
        total_contacts: p.contactStatistics.totalContacts,
        effective_contacts: p.contactStatistics.effectiveContacts,
        contact_rate: p.contactStatistics.contactRate,
        average_call_duration: p.contactStatistics.averageCallDuration,
      },
      ptp_statistics: {
        total_ptp: p.ptpStatistics.totalPtp,
        kept_ptp: p.ptpStatistics.keptPtp,
        broken_ptp: p.ptpStatistics.brokenPtp,
        pending_ptp: p.ptpStatistics.pendingPtp,
        ptp_kept_rate: p.ptpStatistics.ptpKeptRate,
      },
      collection_statistics: {
        total_collected_amount: money2(p.collectionStatistics.totalCollectedAmount),
        collection_rate: p.collectionStatistics.collectionRate,
        average_case_amount: money2(p.collectionStatistics.averageCaseAmount),
      },
      working_hours: {
        total_hours: p.workingHours.totalHours,
        average_daily_hours: p.workingHours.averageDailyHours,
        online_rate: p.workingHours.onlineRate,
      },
      ranking: { team_rank: p.ranking.teamRank, team_total: p.ranking.teamTotal, agency_rank: p.ranking.agencyRank, agency_total: p.ranking.agencyTotal },
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/statistics/daily',
    summary: '日报统计',
    description:
      `${OWN} date: YYYY-MM-DD (default today). working_hours: the first-to-last communication span, one decimal. ` +
      'hourly_distribution: the hours (0–23) with at least one communication, in order.',
    query: z.object({ date: queryDate.optional() }),
    response: z.object({
      date: z.string(),
      contact_count: z.number().int(),
      effective_contact_count: z.number().int(),
      ptp_count: z.number().int(),
      collected_amount: amount,
      resolved_cases: z.number().int(),
      working_hours: z.number(),
      hourly_distribution: z.array(z.object({ hour: z.number().int(), contact_count: z.number().int() })),
    }),
    operation: ImDailyStatsDocument,
    variables: ({ query }) => ({ date: query.date }),
    map: ({ myDailyStats: d }) => ({
      date: d.date,
      contact_count: d.contactCount,
      effective_contact_count: d.effectiveContactCount,
      ptp_count: d.ptpCount,
      collected_amount: money2(d.collectedAmount),
      resolved_cases: d.resolvedCases,
      working_hours: d.workingHours,
      hourly_distribution: d.hourlyDistribution.map((h) => ({ hour: h.hour, contact_count: h.count })),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/statistics/cases',
    summary: '案件统计',
    description:
      `${OWN} The open cases (pending_repayment, partial_repayment, promised = ptp_pending). Overdue days: 0–15 count as ` +
      'dpd_1_15. Amount = outstanding: under_5000 (< 5000), 5000_10000 (both ends included), over_10000. Last contact ' +
      'by local day: contacted_today, last_contact_3_days (1–3 days ago), last_contact_7_days (4–7 days ago), and — added ' +
      'so the bands cover every case — last_contact_over_7_days.',
    response: z.object({
      total_cases: z.number().int(),
      by_status: BY_STATUS.schema,
      by_overdue_days: BY_OVERDUE.schema,
      by_amount: BY_AMOUNT.schema,
      by_contact_status: BY_CONTACT.schema,
    }),
    operation: ImCaseStatsDocument,
    map: ({ myCaseStats: s }) => ({
      total_cases: s.totalCases,
      by_status: BY_STATUS.of(s.byStatus),
      by_overdue_days: BY_OVERDUE.of(s.byOverdueDays),
      by_amount: BY_AMOUNT.of(s.byAmount),
      by_contact_status: BY_CONTACT.of(s.byContactStatus),
    }),
  }),
];
