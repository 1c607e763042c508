import { centsToDecimal, Decimal } from '@platform/kit';
import type { CollectionCase } from '../../cases/entities/collection-case.entity';
import { maskAddress, maskBankAccount as maskAccount, maskEmail, maskIdNumber, maskMobile } from '../../cases/services/personal-data.mask';
import { ReportCellType, type Cell } from './report-cells';

/** The names a page of cases refers to by id, read once per page. */
export interface CaseNames {
  queues: Map<number, string>;
  agencies: Map<number, string>;
  teams: Map<number, string>;
  collectors: Map<number, string>;
}

/**
 * A case as the export reads it: the selected columns as the database answers them, by property name (money in
 * cents, JSON as text on some drivers). Reading rows rather than entities spares the ORM's hydration, which costs
 * tens of kilobytes of garbage a case: at 100,000 cases that garbage is the process's memory growth.
 */
export type CaseRow = Record<string, unknown>;

/** A case field an export can hold: the properties it reads, how to read and write it, how to mask personal data. */
export interface CaseField {
  type: ReportCellType;
  properties: readonly (Exclude<keyof CollectionCase, symbol | number>)[];
  read(c: CaseRow, names: CaseNames): Cell;
  /** Personal data: shown through this mask unless the caller holds `cases:view_sensitive`. */
  mask?: (value: string) => string;
}

type Property = Exclude<keyof CollectionCase, symbol | number>;

/** A scalar column's value as text; the database answers strings, numbers (or bigints) and dates. */
function asText(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'bigint' ? v.toString() : JSON.stringify(v);
}
function asDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(v as string | number);
}

const text = (p: Property): CaseField => ({ type: ReportCellType.text, properties: [p], read: (c) => asText(c[p]) });
const personal = (p: Property, mask: (v: string) => string): CaseField => ({ ...text(p), mask });
const integer = (p: Property): CaseField => ({ type: ReportCellType.integer, properties: [p], read: (c) => asText(c[p]) });
const money = (p: Property): CaseField => ({
  type: ReportCellType.money,
  properties: [p],
  read: (c) => (c[p] === null || c[p] === undefined ? null : centsToDecimal(c[p] as string | number | bigint).toFixed(2)),
});
const date = (p: Property): CaseField => ({ type: ReportCellType.date, properties: [p], read: (c) => asText(c[p]) });
const datetime = (p: Property): CaseField => ({ type: ReportCellType.datetime, properties: [p], read: (c) => asDate(c[p])?.toISOString() ?? null });
const named = (p: Property, of: keyof CaseNames): CaseField => ({
  type: ReportCellType.text,
  properties: [p],
  read: (c, names) => (c[p] === null || c[p] === undefined ? null : (names[of].get(Number(c[p])) ?? null)),
});
const json = <T>(v: unknown): T | null => (v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/**
 * Every standard case field an export may name, by its document key (`case_code`, `outstanding_amount` …): the
 * list's and detail's fields (CCO admin § 8) and the standard fields' keys. A tenant's custom fields (field display
 * rows with `field_source` custom) are exported from the case's `custom_fields` besides these.
 */
export const CASE_FIELDS: Readonly<Record<string, CaseField>> = {
  id: integer('id'),
  case_code: text('caseCode'),
  user_id: text('customerId'),
  user_name: text('userName'),
  mobile: personal('mobile', maskMobile),
  id_number: personal('idNumber', maskIdNumber),
  email: personal('email', maskEmail),
  address: personal('address', maskAddress),
  bank_account: personal('bankAccount', maskAccount),
  gender: text('gender'),
  date_of_birth: date('dateOfBirth'),
  kyc_level: text('kycLevel'),
  loan_id: text('loanId'),
  loan_product_name: text('loanProductName'),
  loan_amount: money('loanAmount'),
  loan_date: date('loanDate'),
  loan_term: integer('loanTerm'),
  due_date: date('dueDate'),
  // A fraction with six decimals as the database keeps it, trailing zeros dropped (0.150000 → 0.15).
  interest_rate: {
    type: ReportCellType.decimal,
    properties: ['interestRate'],
    read: (c) => (c.interestRate === null || c.interestRate === undefined ? null : new Decimal(c.interestRate as string | number).toString()),
  },
  repaid_amount: money('repaidAmount'),
  outstanding_principal: money('outstandingPrincipal'),
  outstanding_interest: money('outstandingInterest'),
  outstanding_penalty: money('outstandingPenalty'),
  outstanding_amount: money('outstandingAmount'),
  overdue_amount: money('overdueAmount'),
  daily_penalty: money('dailyPenalty'),
  overdue_days: integer('overdueDays'),
  case_status: text('caseStatus'),
  case_priority: text('casePriority'),
  case_tags: { type: ReportCellType.text, properties: ['caseTags'], read: (c) => json<string[]>(c.caseTags)?.join(',') ?? null },
  settlement_date: date('settlementDate'),
  queue_id: integer('queueId'),
  queue_name: named('queueId', 'queues'),
  agency_id: integer('agencyId'),
  agency_name: named('agencyId', 'agencies'),
  team_id: integer('teamId'),
  team_name: named('teamId', 'teams'),
  collector_id: integer('collectorId'),
  collector_name: named('collectorId', 'collectors'),
  assigned_at: datetime('assignedAt'),
  last_contact_at: datetime('lastContactAt'),
  push_batch_no: text('pushBatchNo'),
  created_at: datetime('createdAt'),
  updated_at: datetime('updatedAt'),
};

/** A tenant's own field: the value under its key in the case's `custom_fields`, as text. */
export const customField = (key: string): CaseField => ({
  type: ReportCellType.text,
  properties: ['customFields'],
  read: (c) => {
    const value = json<Record<string, unknown>>(c.customFields)?.[key];
    if (value === null || value === undefined) return null;
    return typeof value === 'string' ? value : JSON.stringify(value);
  },
});
