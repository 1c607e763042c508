import { z } from 'zod';
import { money2 } from '@platform/kit';
import { rateLimit } from '../../framework/route';
import { defined, intIdParam, queryInt } from '../shared/inputs';
import { ccoFieldMessages, localTime } from '../cco-admin/cco.shapes';
import { ccoIm } from './cco-im.family';
import type { ImPtpListFragment } from './operations.generated';

/** The shapes the collector app's work routes share (PTP lists, amounts, offline ids, paging). */
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
export const money = z.number().describe('exact, 2 decimals');
/** A positive amount with at most 2 decimals; sent on as a decimal string, so nothing turns binary. */
export const positiveMoney = z
  .number()
  .positive()
  .max(1e13)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'must have at most 2 decimals');
export const decimal = (v: number) => v.toFixed(2);

/** Collector app 通用说明 · 分页参数: `page` from 1, `size` default 20, at most 100. */
export const imPageQuery = {
  page: queryInt(1).default(1).describe('页码（从1开始）'),
  size: queryInt(1, 100).default(20).describe('每页数量（默认20，最大100）'),
};

export const clientId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w.:-]+$/, 'may hold letters, digits and . _ : - only')
  .describe('The app’s own id of this write (e.g. a UUID made offline): a retried sync with the same client_id answers the first record and records nothing more');

export const PTP_METHODS = ['bank_transfer', 'ewallet', 'cash', 'other'] as const;
export const PTP_STATUSES = ['pending', 'partially_kept', 'kept', 'broken', 'cancelled', 'expired'] as const;
export const CLOSING_STATUSES = ['kept', 'partially_kept', 'broken'] as const;

export const caseParams = z.object({ case_id: intIdParam.describe('案件ID') });
export const common = { family: ccoIm, rateLimit: rateLimit.none, auth: true, errorMessages: ccoFieldMessages } as const;
export const SCOPE =
  'A collector works only the cases assigned to them: another collector’s case is 403, an unknown one 404; a team ' +
  'leader works their team’s, an administrator their tenant’s.';

const ptpItem = z.object({
  id: z.number().int(),
  case_id: z.number().int(),
  case_code: z.string().nullable(),
  user_name: z.string().nullable().describe('The debtor’s name'),
  promise_date: day,
  promise_amount: money,
  promise_status: z.enum(PTP_STATUSES.filter((s) => s !== 'expired') as [string, ...string[]]),
  days_until_due: z.number().int().describe('Days from today (the tenant’s calendar) to promise_date; negative once past'),
  created_at: localTime,
});

export const ptpList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
  summary: z.object({
    pending_count: z.number().int(),
    partially_kept_count: z.number().int(),
    kept_count: z.number().int(),
    broken_count: z.number().int(),
    total_promise_amount: money,
  }),
  items: z.array(ptpItem),
});

export const toPtpList = (p: ImPtpListFragment, zone: string, size: number): z.input<typeof ptpList> => ({
  total: p.total,
  page: p.page,
  size,
  summary: {
    pending_count: p.summary.pendingCount,
    partially_kept_count: p.summary.partiallyKeptCount,
    kept_count: p.summary.keptCount,
    broken_count: p.summary.brokenCount,
    total_promise_amount: money2(p.summary.totalPromiseAmount),
  },
  items: p.items.map((i) => ({
    id: Number(i.id),
    case_id: Number(i.caseId),
    case_code: i.caseCode ?? null,
    user_name: i.debtorName ?? null,
    promise_date: i.promiseDate,
    promise_amount: money2(i.promiseAmount),
    promise_status: i.promiseStatus,
    days_until_due: i.daysUntilDue,
    created_at: ccoIm.time(i.createdAt, zone),
  })),
});

/** `date_range`: `2025-11-01,2025-11-30` (or `~` between), either end may be left out: `2025-11-01,`. */
export const dateRange = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?[,~](\d{4}-\d{2}-\d{2})?$|^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD,YYYY-MM-DD (either end may be empty)')
  .describe('承诺日期范围: `YYYY-MM-DD,YYYY-MM-DD` (inclusive; `~` also separates; one date alone is that day)');
export const rangeOf = (range: string | undefined) => {
  if (!range) return {};
  const [from, to] = range.includes(',') || range.includes('~') ? range.split(/[,~]/) : [range, range];
  return defined({ dateFrom: from || undefined, dateTo: to || undefined });
};

export const repaymentItem = z.object({
  id: z.number().int(),
  repayment_date: day,
  repayment_amount: money,
  repayment_channel: z.string().nullable(),
  transaction_no: z.string().nullable(),
  status: z.enum(['success', 'pending']).describe('success: applied to the case; pending: an offline repayment awaiting review'),
});
