import { NotificationPriority } from '../entities/notification-priority.enum';

/** What a template gives a notice; a tenant's own NotificationTemplate of the same code replaces the default. */
export interface TemplateDefinition {
  code: string;
  name: string;
  type: string;
  titleTemplate: string | null;
  contentTemplate: string;
  forcedRead: boolean;
  priority: NotificationPriority;
  repeatIntervalMinutes: number | null;
  maxRemindCount: number;
  displayDurationSeconds: number | null;
  actionUrlTemplate: string | null;
}

const base = { forcedRead: false, priority: NotificationPriority.medium, repeatIntervalMinutes: null, maxRemindCount: 0, displayDurationSeconds: null };

/**
 * The platform's templates for the notices the domains ask for (recordDomainEvent's `notify.template`). Params
 * each domain sends are named in the placeholders.
 */
export const DEFAULT_TEMPLATES: readonly TemplateDefinition[] = [
  {
    ...base,
    code: 'worklog.rated',
    name: '工作日志已评分',
    type: 'work_log',
    titleTemplate: '工作日志已评分',
    contentTemplate: '您 {log_date} 的工作日志已被 {rater} 评为 {rating} 分 {comment}',
    actionUrlTemplate: '/worklogs/{worklog_id}',
  },
  {
    ...base,
    code: 'repayment.received',
    name: '还款通知',
    type: 'repayment',
    titleTemplate: '还款通知',
    contentTemplate: '客户{debtor_name}已还款{amount}{currency}（案件 {case_code}）',
    priority: NotificationPriority.high,
    actionUrlTemplate: '/cases/{case_id}',
  },
  {
    ...base,
    code: 'case.assigned',
    name: '新案件分配',
    type: 'case_assignment',
    titleTemplate: '新案件分配',
    contentTemplate: '案件 {case_code}（{debtor_name}，逾期{overdue_days}天）已分配给您',
    actionUrlTemplate: '/cases/{case_id}',
  },
  {
    ...base,
    code: 'case.recalled',
    name: '案件已召回',
    type: 'case_assignment',
    titleTemplate: '案件已召回',
    contentTemplate: '案件 {case_code}（{debtor_name}）已被甲方召回：{recall_reason}，请停止催收',
    priority: NotificationPriority.high,
    actionUrlTemplate: '/cases/{case_id}',
  },
  {
    ...base,
    code: 'ptp.due',
    name: 'PTP到期提醒',
    type: 'ptp_due',
    titleTemplate: 'PTP到期提醒',
    contentTemplate: '案件 {case_code} 承诺还款 {promised_amount} 将于 {promised_date} 到期，请及时跟进',
    forcedRead: true,
    priority: NotificationPriority.high,
    repeatIntervalMinutes: 60,
    maxRemindCount: 3,
    actionUrlTemplate: '/ptp/due-soon',
  },
  {
    ...base,
    code: 'lead.followup_overdue',
    name: '线索跟进超期',
    type: 'lead_followup',
    titleTemplate: '线索跟进超期',
    contentTemplate: '线索 {customer_name} 已超过 {overdue_days} 天未跟进',
    priority: NotificationPriority.high,
    actionUrlTemplate: '/leads/{lead_id}',
  },
];

export const defaultTemplate = (code: string): TemplateDefinition | undefined =>
  DEFAULT_TEMPLATES.find((t) => t.code === code);
