import { isValidPhoneNumber } from 'libphonenumber-js';
import { z } from 'zod';
import { Decimal } from '@platform/kit';
import { CASE_STATUSES } from '../entities/case-status';

/**
 * One case as the tenant pushes it (partner document § 2.1, admin console § 8.2), in the documents' own field names.
 * Required: case_code, user_id, user_name, mobile, loan_amount, outstanding_amount, overdue_days, due_date. Rows are
 * checked one by one so one bad row does not refuse the others.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

/** Numbers already checked: a debtor's mobile comes again as their own contact phone, and in the next push. */
const checkedPhones = new Map<string, boolean>();
function isPhone(value: string): boolean {
  let valid = checkedPhones.get(value);
  if (valid === undefined) {
    if (checkedPhones.size >= 50_000) checkedPhones.clear();
    valid = isValidPhoneNumber(value);
    checkedPhones.set(value, valid);
  }
  return valid;
}

/** International format (`+63-917-111-1111`): the country cannot be guessed from a tenant's local number. */
const phone = z.string().trim().max(32).refine(isPhone, { message: '格式错误' });

/** Money: a number or a decimal string, ≥ 0, at most 2 decimals; kept exact (decimal.js), never a binary float. */
const money = z
  .union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/)])
  .transform((v, issue) => {
    const amount = new Decimal(typeof v === 'number' ? String(v) : v);
    if (!amount.isFinite() || amount.isNeg()) issue.addIssue({ code: 'custom', message: '必须是非负金额' });
    else if (amount.decimalPlaces() > 2) issue.addIssue({ code: 'custom', message: '最多两位小数' });
    else if (amount.gt('9000000000000')) issue.addIssue({ code: 'custom', message: '金额过大' });
    return amount;
  });

/** `2025-11-05` or `2025-11-05T00:00:00` (the admin example): stored as the date. */
const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?$/, '格式错误')
  .transform((v) => v.slice(0, 10))
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), '格式错误');

const contactPhone = z.object({
  phone_number: phone,
  phone_type: optionalText(16),
  contact_name: optionalText(100),
  relationship: optionalText(50),
  is_primary: z.boolean().nullish(),
});

const repayment = z.object({
  repayment_id: text(64),
  repayment_date: date,
  repayment_amount: money,
  repayment_channel: optionalText(32),
});

export const caseImportRow = z.object({
  case_code: text(64),
  user_id: z.union([text(64), z.number().int().transform(String)]),
  user_name: text(100),
  mobile: phone,
  id_number: optionalText(64),
  email: optionalText(120),
  address: optionalText(255),
  bank_account: optionalText(64),
  gender: optionalText(8),
  date_of_birth: date.nullish(),
  loan_id: optionalText(64),
  loan_product_name: optionalText(100),
  loan_amount: money,
  loan_date: date.nullish(),
  due_date: date,
  loan_term: z.number().int().min(0).max(36500).nullish(),
  interest_rate: z.union([z.number(), z.string().regex(/^\d+(\.\d{1,6})?$/)]).nullish(),
  repaid_amount: money.nullish(),
  outstanding_principal: money.nullish(),
  outstanding_interest: money.nullish(),
  outstanding_penalty: money.nullish(),
  outstanding_amount: money,
  overdue_amount: money.nullish(),
  overdue_days: z.number().int().min(0).max(36500),
  case_status: z.enum(CASE_STATUSES).nullish(),
  case_priority: z.enum(['low', 'normal', 'high', 'urgent']).nullish(),
  case_tags: z.array(z.string().max(50)).max(50).nullish(),
  contact_phones: z.array(contactPhone).max(50).nullish(),
  repayment_history: z.array(repayment).max(500).nullish(),
  custom_fields: z.record(z.string(), z.unknown()).nullish(),
});

export type CaseImportRow = z.output<typeof caseImportRow>;

/** The first problem of a row, worded as the partner document's example (`mobile格式错误`), naming the field. */
export function rowProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue.path.map(String).join('.') || 'case';
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) return `${field}为必填项`;
  if (issue.code === 'custom' && issue.message !== 'Invalid input') return `${field}${issue.message}`;
  return `${field}格式错误`;
}
