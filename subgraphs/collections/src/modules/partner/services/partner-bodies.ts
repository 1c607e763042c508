import { badInput, Decimal } from '@platform/kit';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { CASE_STATUSES } from '../../cases/entities/case-status';
import { MAX_IMPORT_ROWS } from '../../cases/services/case-import.service';
import { caseImportRow } from '../../cases/services/case-import.row';
import { SETTINGS, WRITABLE_KEYS, type SettingKey } from '../../config/services/settings';

/** The body as the partner sent it: JSON, an object (anything else names `body`). */
export function jsonBody(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    throw badInput('body', 'body must be a JSON object');
  }
}

/** Parses a body against its schema; the first problem is a BAD_USER_INPUT naming the field as the document writes it. */
export function parseBody<S extends z.ZodType>(schema: S, rawBody: string): z.output<S> {
  const parsed = schema.safeParse(jsonBody(rawBody));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.map(String).join('.') || 'body';
  const missing = issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null);
  throw badInput(field, missing ? `${field} is required` : `${field} is invalid: ${issue.message}`);
}

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

/** A positive amount with at most 2 decimals, exact. */
const amount = z
  .union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/)])
  .transform((v, issue) => {
    const value = new Decimal(typeof v === 'number' ? String(v) : v);
    if (!value.isFinite() || value.lte(0) || value.decimalPlaces() > 2 || value.gt('9000000000000')) {
      issue.addIssue({ code: 'custom', message: 'must be above 0 with at most 2 decimals' });
    }
    return value;
  });

/** `2025-11-20T15:00:00` (the documents' times carry no zone: the tenant's), or with Z / an offset. */
const localTime = z.string().trim().regex(/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/, 'expected 2025-11-20T15:00:00');

/** A partner time in the tenant's zone (an explicit offset wins); a time that does not exist names its field. */
export function partnerInstant(field: string, value: string, zone: string): Date {
  const at = DateTime.fromISO(value.replace(' ', 'T'), { zone });
  if (!at.isValid) throw badInput(field, `${field} is not a valid time`);
  return at.toJSDate();
}

/** § 2.1 */
export const caseBatchBody = z.object({
  push_batch_no: text(64),
  push_time: localTime.nullish(),
  cases: z.array(z.unknown()).min(1).max(MAX_IMPORT_ROWS),
});

/** § 2.3 */
export const repaymentBody = z.object({
  repayment_id: text(64),
  case_code: text(64),
  user_id: z.union([text(64), z.number().int().transform(String)]).nullish(),
  repayment_amount: amount,
  repayment_date: localTime,
  repayment_channel: optionalText(32),
  transaction_no: optionalText(100),
  notes: optionalText(500),
});

/** § 5.1 */
export const repaymentNotifyBody = z.object({
  notify_type: z.literal('repayment_success'),
  notify_time: localTime.nullish(),
  case_code: text(64),
  user_id: z.union([text(64), z.number().int().transform(String)]).nullish(),
  repayment_id: text(64),
  repayment_amount: amount,
  transaction_time: localTime,
  repayment_channel: optionalText(32),
});

const day = z.string().trim().regex(/^\d{4}-\d\d-\d\d$/, 'expected 2025-11-20').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'not a date');

/** A non-negative amount with at most 2 decimals, exact. */
const total = z
  .union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/)])
  .transform((v, issue) => {
    const value = new Decimal(typeof v === 'number' ? String(v) : v);
    if (!value.isFinite() || value.isNeg() || value.decimalPlaces() > 2) issue.addIssue({ code: 'custom', message: 'must be at least 0 with at most 2 decimals' });
    return value;
  });

/** § 2.2 (outstanding_amount follows from repaid_amount: the case's own arithmetic, not the push's). */
export const statusUpdateBody = z.object({
  case_code: text(64),
  update_time: localTime.nullish(),
  case_status: z.enum(CASE_STATUSES),
  repaid_amount: total.nullish(),
  outstanding_amount: total.nullish(),
  settlement_date: day.nullish(),
  notes: optionalText(500),
});

/** § 5.2 */
export const caseSettledBody = z.object({
  notify_type: z.literal('case_settled'),
  notify_time: localTime.nullish(),
  case_code: text(64),
  user_id: z.union([text(64), z.number().int().transform(String)]).nullish(),
  settlement_date: day,
  final_repayment_amount: total.nullish(),
});

/** § 5.3 */
export const caseRecallBody = z.object({
  notify_type: z.literal('case_recall'),
  notify_time: localTime.nullish(),
  case_code: text(64),
  recall_reason: text(255),
  recall_notes: optionalText(500),
});

/** The case fields a partner may rename (§ 2.1's own names), for § 7.1. */
export const STANDARD_CASE_FIELDS = Object.keys(caseImportRow.shape) as readonly string[];

const DATA_TYPES = ['String', 'Decimal', 'Integer', 'Date', 'DateTime', 'Boolean', 'Array', 'Object'] as const;

/** § 7.1: tenant_code, when sent, must be the key's tenant (checked by the resolver). */
export const fieldMappingBody = z.object({
  tenant_code: text(32).nullish(),
  mapping_configs: z
    .array(
      z.object({
        standard_field_key: z.enum(STANDARD_CASE_FIELDS as [string, ...string[]]),
        tenant_field_key: z.string().trim().min(1).max(64).regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'expected a JSON field name'),
        tenant_field_name: optionalText(100),
        data_type: z.enum(DATA_TYPES).nullish().transform((v) => v ?? null),
      }),
    )
    .max(STANDARD_CASE_FIELDS.length),
});

/** § 7.2's documented rule type: which queue a case belongs to by its overdue days (no max: open-ended). */
const queueAssignmentRule = z.object({
  queue_code: text(32),
  conditions: z
    .object({
      overdue_days_min: z.number().int().min(0).max(36500),
      overdue_days_max: z.number().int().min(0).max(36500).nullish().transform((v) => v ?? null),
    })
    .superRefine((c, issue) => {
      if (c.overdue_days_max !== null && c.overdue_days_max < c.overdue_days_min) {
        issue.addIssue({ code: 'custom', path: ['overdue_days_max'], message: 'must not be below overdue_days_min' });
      }
    }),
});

/** A tenant setting set by the partner (rule_key one of the writable settings, rule_value valid for it). */
const tenantSettingRule = z
  .object({ rule_key: z.enum(WRITABLE_KEYS as [SettingKey, ...SettingKey[]]), rule_value: z.unknown() })
  .transform((rule, issue) => {
    const parsed = SETTINGS[rule.rule_key].schema.safeParse(rule.rule_value);
    if (!parsed.success) {
      issue.addIssue({ code: 'custom', path: ['rule_value'], message: parsed.error.issues[0].message });
      return z.NEVER;
    }
    return { rule_key: rule.rule_key, rule_value: parsed.data };
  });

/**
 * § 7.2. The document shows `queue_assignment` (queue codes and overdue-day ranges); `tenant_settings` sets the
 * tenant's collections settings the platform reads (e.g. `penalty_cap_rate`, `sms_device_verification`).
 */
export const businessRulesBody = z.discriminatedUnion('rule_type', [
  z.object({ tenant_code: text(32).nullish(), rule_type: z.literal('queue_assignment'), rules: z.array(queueAssignmentRule).max(100) }),
  z.object({ tenant_code: text(32).nullish(), rule_type: z.literal('tenant_settings'), rules: z.array(tenantSettingRule).min(1).max(50) }),
]);
export type BusinessRulesBody = z.output<typeof businessRulesBody>;
