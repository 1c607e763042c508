import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { intIdParam } from '../shared/inputs';
import { leads002 } from './leads002.family';
import { localTime } from './leads.mappers';
import {
  Leads002AddRecipientDocument,
  Leads002DeleteRecipientDocument,
  Leads002OverviewDocument,
  Leads002RecipientsDocument,
  Leads002RemindConfigsDocument,
  Leads002TriggerCheckDocument,
  Leads002UpdateRemindConfigDocument,
} from './operations.generated';

const ADMIN = 'Changing reminder settings and running the check needs an admin token (leads:manage); others get 403 权限不足.';
const common = { family: leads002, rateLimit: rateLimit.none, auth: true, fieldAliases: { intervalDays: 'interval_days' } } as const;
const counts = (rows: Array<{ label: string; count: number }>) => Object.fromEntries(rows.map((r) => [r.label, r.count]));

export const reminderRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/followup-remind-config',
    summary: '获取所有意向级别的提醒配置',
    description: 'Defaults 高 1, 中 3, 低 5 days until an admin changes them.',
    response: z.object({
      list: z.array(z.object({ id: z.number().int(), intention_level: z.string(), interval_days: z.number().int(), updated_at: z.string() })),
    }),
    operation: Leads002RemindConfigsDocument,
    map: (d) => ({
      list: d.remindConfigs.map((c) => ({
        id: Number(c.id),
        intention_level: c.intentionLevel,
        interval_days: c.intervalDays,
        updated_at: leads002.time(c.updatedAt),
      })),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/followup-remind-config/{level}',
    summary: '更新某个意向级别的提醒配置',
    description: `level is 高, 中 or 低; interval_days a whole number of days, 1 to 365. ${ADMIN}`,
    params: z.object({ level: z.enum(['高', '中', '低']) }),
    body: z.object({ interval_days: z.number().int().min(1).max(365) }),
    operation: Leads002UpdateRemindConfigDocument,
    variables: ({ params, body }) => ({ level: params.level, intervalDays: body.interval_days }),
    map: () => undefined,
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/followup-remind-config/trigger-check',
    summary: '手动触发跟进提醒检查',
    description:
      'Finds the leads whose last follow-up (or lead time, without one) is older than their level\'s interval, ended ' +
      'leads excluded, marks them need_followup and e-mails the list to every recipient (none configured: nothing ' +
      `is sent). The same check runs daily at 09:00 in the tenant's zone. ${ADMIN}`,
    response: z.object({
      message: z.string().describe('检查完成，发现 5 条超期线索'),
      data: z.object({
        overdue_count: z.number().int(),
        overdue_list: z.array(
          z.object({
            lead_id: z.number().int(),
            customer_nickname: z.string(),
            intention_level: z.string(),
            last_follow_up_time: z.string(),
            follow_up_person: z.string(),
            overdue_days: z.number().int(),
            config_days: z.number().int(),
            email_list: z.array(z.string()),
          }),
        ),
      }),
    }),
    operation: Leads002TriggerCheckDocument,
    map: ({ triggerReminderCheck: c }) => ({
      message: `检查完成，发现 ${c.overdueCount} 条超期线索`,
      data: {
        overdue_count: c.overdueCount,
        overdue_list: c.overdueList.map((o) => ({
          lead_id: Number(o.leadId),
          customer_nickname: o.customerNickname,
          intention_level: o.intentionLevel,
          last_follow_up_time: localTime(o.lastFollowUpTime, c.timeZone),
          follow_up_person: o.followUpPerson,
          overdue_days: o.overdueDays,
          config_days: o.configDays,
          email_list: c.emailList,
        })),
      },
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/statistics/leads-overview',
    summary: '线索统计概览',
    description:
      "Over the leads the caller may see. Today, this week (Monday–Sunday) and this month are the tenant's; a lead " +
      'without a source platform counts as 其他. Follow-up figures count records by their creation.',
    response: z.object({
      data: z.object({
        total_leads: z.number().int(),
        intention_distribution: z.record(z.string(), z.number().int()),
        platform_distribution: z.record(z.string(), z.number().int()),
        recent_additions: z.object({ today: z.number().int(), this_week: z.number().int(), this_month: z.number().int() }),
        last_15_days_trend: z.array(z.object({ date: z.string(), count: z.number().int() })),
        followup: z.object({ this_week_lead_count: z.number().int(), this_week_record_count: z.number().int() }),
        today_stats: z.object({ followed_leads: z.number().int(), followup_records: z.number().int(), ended_leads: z.number().int() }),
      }),
    }),
    operation: Leads002OverviewDocument,
    map: ({ leadsOverview: o }) => ({
      data: {
        total_leads: o.totalLeads,
        intention_distribution: counts(o.intentionDistribution),
        platform_distribution: counts(o.platformDistribution),
        recent_additions: { today: o.recentAdditions.today, this_week: o.recentAdditions.thisWeek, this_month: o.recentAdditions.thisMonth },
        last_15_days_trend: o.last15DaysTrend,
        followup: { this_week_lead_count: o.followup.thisWeekLeadCount, this_week_record_count: o.followup.thisWeekRecordCount },
        today_stats: {
          followed_leads: o.todayStats.followedLeads,
          followup_records: o.todayStats.followupRecords,
          ended_leads: o.todayStats.endedLeads,
        },
      },
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/remind-email-list',
    summary: '获取所有收件人邮箱',
    response: z.object({ list: z.array(z.object({ id: z.number().int(), email: z.string() })) }),
    operation: Leads002RecipientsDocument,
    map: (d) => ({ list: d.remindRecipients.map((r) => ({ id: Number(r.id), email: r.email })) }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/remind-email-list',
    summary: '新增收件人邮箱',
    description: `An address already listed is 400. ${ADMIN}`,
    body: z.object({ email: z.email().max(200) }),
    response: z.object({ id: z.number().int() }),
    operation: Leads002AddRecipientDocument,
    variables: ({ body }) => ({ email: body.email }),
    map: (d) => ({ id: Number(d.addRemindRecipient.id) }),
  }),
  graphqlRoute({
    ...common,
    method: 'DELETE',
    path: '/api/remind-email-list/{id}',
    summary: '删除收件人邮箱',
    description: `An unknown id is 404. ${ADMIN}`,
    params: z.object({ id: intIdParam }),
    errorMessages: { NOT_FOUND: '收件人不存在' },
    operation: Leads002DeleteRecipientDocument,
    variables: ({ params }) => ({ id: params.id }),
    map: () => undefined,
  }),
];
