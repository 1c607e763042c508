import { localDateTime, money2 } from '@platform/kit';
import { z } from 'zod';
import { ccoPage, ccoTimeOrNull, localTime } from '../cco-admin/cco.shapes';
import type { ImCaseItemFragment, ImCasePageFragment } from './operations.generated';

const money = z.number().describe('exact, 2 decimals');
const day = z.string().describe('YYYY-MM-DD');

/** The app shows three priorities (§ 3.1): a tenant's `urgent` counts as high, `normal` as medium. */
export const appPriority = (priority: string): string => ({ urgent: 'high', normal: 'medium' })[priority] ?? priority;

export const caseItem = z.object({
  id: z.number().int(),
  case_code: z.string(),
  user_name: z.string(),
  mobile: z.string().describe('masked (+63-917-***-**11)'),
  overdue_days: z.number().int(),
  loan_amount: money,
  outstanding_amount: money,
  case_status: z.string(),
  case_priority: z.string().describe('high, medium or low'),
  case_tags: z.array(z.string()),
  assignment_info: z.object({
    assigned_at: localTime.nullable(),
    days_in_hand: z.number().int().nullable().describe('calendar days (tenant zone) since the case came to its collector'),
  }),
  contact_info: z.object({
    last_contact_at: localTime.nullable(),
    last_contact_result: z.string().nullable(),
    total_contact_count: z.number().int(),
    effective_contact_count: z.number().int().describe('communications that reached someone (接通)'),
  }),
  ptp_info: z.object({
    has_ptp: z.boolean().describe('an open (pending) promise to pay'),
    latest_ptp_date: day.nullable(),
    latest_ptp_amount: money.nullable(),
    ptp_status: z.string().nullable(),
  }),
  next_action: z
    .object({ action_type: z.string(), action_time: localTime, action_note: z.string() })
    .nullable()
    .describe('follow_up at a booked call-back, else ptp_follow_up on an open promise’s date; null when neither'),
});

export const casePage = ccoPage(caseItem).extend({
  summary: z.object({
    total_outstanding_amount: money,
    high_priority_count: z.number().int(),
    need_follow_up_count: z.number().int().describe('cases with an open promise or a call-back booked for today or later'),
  }),
});

/** Calendar days between two instants' local days in `zone`. */
const localDay = (at: Date, zone: string) => Date.parse(`${localDateTime(at, zone).slice(0, 10)}T00:00:00Z`);
const daysSince = (at: string | null, zone: string): number | null =>
  at ? Math.max(0, Math.round((localDay(new Date(), zone) - localDay(new Date(at), zone)) / 86_400_000)) : null;

function nextAction(c: ImCaseItemFragment, zone: string): z.input<typeof caseItem>['next_action'] {
  const s = c.contactSummary;
  // A call-back booked by the latest contact and not yet made.
  if (s.nextFollowUpAt && (!s.lastContactAt || s.nextFollowUpAt > s.lastContactAt)) {
    return { action_type: 'follow_up', action_time: ccoTimeOrNull(s.nextFollowUpAt, zone)!, action_note: '预约回拨' };
  }
  if (c.latestPtp?.promiseStatus === 'pending') {
    return { action_type: 'ptp_follow_up', action_time: `${c.latestPtp.promiseDate} 00:00:00`, action_note: '跟进PTP承诺' };
  }
  return null;
}

export const toCaseItem = (c: ImCaseItemFragment, zone: string): z.input<typeof caseItem> => ({
  id: Number(c.id),
  case_code: c.caseCode,
  user_name: c.userName,
  mobile: c.mobile,
  overdue_days: c.overdueDays,
  loan_amount: money2(c.loanAmount),
  outstanding_amount: money2(c.outstandingAmount),
  case_status: c.caseStatus,
  case_priority: appPriority(c.casePriority),
  case_tags: c.caseTags,
  assignment_info: { assigned_at: ccoTimeOrNull(c.assignedAt, zone), days_in_hand: daysSince(c.assignedAt, zone) },
  contact_info: {
    last_contact_at: ccoTimeOrNull(c.contactSummary.lastContactAt, zone),
    last_contact_result: c.contactSummary.lastContactResult,
    total_contact_count: c.contactSummary.totalContactCount,
    effective_contact_count: c.contactSummary.effectiveContactCount,
  },
  ptp_info: {
    has_ptp: c.latestPtp?.promiseStatus === 'pending',
    latest_ptp_date: c.latestPtp?.promiseDate ?? null,
    latest_ptp_amount: c.latestPtp ? money2(c.latestPtp.promiseAmount) : null,
    ptp_status: c.latestPtp?.promiseStatus ?? null,
  },
  next_action: nextAction(c, zone),
});

export const toCasePage = (p: ImCasePageFragment, zone: string, size: number): z.input<typeof casePage> => ({
  total: p.total,
  page: p.page,
  size,
  summary: {
    total_outstanding_amount: money2(p.summary.totalOutstandingAmount),
    high_priority_count: p.summary.highPriorityCount,
    need_follow_up_count: p.summary.needFollowUpCount,
  },
  items: p.items.map((c) => toCaseItem(c, zone)),
});
