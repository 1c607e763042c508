import type { Decimal } from '@platform/kit';
import type { CollectionCase } from '../../cases/entities/collection-case.entity';
import { maskAccount, maskAddress, maskEmail, maskIdNumber, maskMobile } from './personal-data';
import { ReportCellType, type Cell } from './report-cells';

/** The names a page of cases refers to by id, read once per page. */
export interface CaseNames {
  queues: Map<number, string>;
  agencies: Map<number, string>;
  teams: Map<number, string>;
  collectors: Map<number, string>;
}

/** A case field an export can hold: how to read it, how to write it, and how to mask it if it is personal data. */
export interface CaseField {
  type: ReportCellType;
  read(c: CollectionCase, names: CaseNames): Cell;
  /** Personal data: shown through this mask unless the caller holds `cases:view_sensitive`. */
  mask?: (value: string) => string;
}

const text = (read: (c: CollectionCase) => string | null | undefined): CaseField => ({
  type: ReportCellType.text,
  read: (c) => read(c) ?? null,
});
const personal = (read: (c: CollectionCase) => string | null | undefined, mask: (v: string) => string): CaseField => ({
  ...text(read),
  mask,
});
const integer = (read: (c: CollectionCase) => number | null | undefined): CaseField => ({
  type: ReportCellType.integer,
  read: (c) => (read(c) ?? null)?.toString() ?? null,
});
const money = (read: (c: CollectionCase) => Decimal | null | undefined): CaseField => ({
  type: ReportCellType.money,
  read: (c) => read(c)?.toFixed(2) ?? null,
});
const date = (read: (c: CollectionCase) => string | null | undefined): CaseField => ({
  type: ReportCellType.date,
  read: (c) => read(c) ?? null,
});
const datetime = (read: (c: CollectionCase) => Date | null | undefined): CaseField => ({
  type: ReportCellType.datetime,
  read: (c) => read(c)?.toISOString() ?? null,
});
const id = (read: (c: CollectionCase) => number | null | undefined) => integer(read);
const named = (read: (c: CollectionCase) => number | null | undefined, of: keyof CaseNames): CaseField => ({
  type: ReportCellType.text,
  read: (c, names) => {
    const key = read(c);
    return key === null || key === undefined ? null : (names[of].get(key) ?? null);
  },
});

/**
 * Every standard case field an export may name, by its document key (`case_code`, `outstanding_amount` …): the
 * list's and detail's fields (CCO admin § 8) and the standard fields' keys. A tenant's custom fields (field display
 * rows with `field_source` custom) are exported from the case's `custom_fields` besides these.
 */
export const CASE_FIELDS: Readonly<Record<string, CaseField>> = {
  id: id((c) => c.id),
  case_code: text((c) => c.caseCode),
  user_id: text((c) => c.customerId),
  user_name: text((c) => c.userName),
  mobile: personal((c) => c.mobile, maskMobile),
  id_number: personal((c) => c.idNumber, maskIdNumber),
  email: personal((c) => c.email, maskEmail),
  address: personal((c) => c.address, maskAddress),
  bank_account: personal((c) => c.bankAccount, maskAccount),
  gender: text((c) => c.gender),
  date_of_birth: date((c) => c.dateOfBirth),
  kyc_level: text((c) => c.kycLevel),
  loan_id: text((c) => c.loanId),
  loan_product_name: text((c) => c.loanProductName),
  loan_amount: money((c) => c.loanAmount),
  loan_date: date((c) => c.loanDate),
  loan_term: integer((c) => c.loanTerm),
  due_date: date((c) => c.dueDate),
  interest_rate: { type: ReportCellType.decimal, read: (c) => c.interestRate?.toString() ?? null },
  repaid_amount: money((c) => c.repaidAmount),
  outstanding_principal: money((c) => c.outstandingPrincipal),
  outstanding_interest: money((c) => c.outstandingInterest),
  outstanding_penalty: money((c) => c.outstandingPenalty),
  outstanding_amount: money((c) => c.outstandingAmount),
  overdue_amount: money((c) => c.overdueAmount),
  daily_penalty: money((c) => c.dailyPenalty),
  overdue_days: integer((c) => c.overdueDays),
  case_status: text((c) => c.caseStatus),
  case_priority: text((c) => c.casePriority),
  case_tags: text((c) => c.caseTags.join(',')),
  settlement_date: date((c) => c.settlementDate),
  queue_id: id((c) => c.queueId),
  queue_name: named((c) => c.queueId, 'queues'),
  agency_id: id((c) => c.agencyId),
  agency_name: named((c) => c.agencyId, 'agencies'),
  team_id: id((c) => c.teamId),
  team_name: named((c) => c.teamId, 'teams'),
  collector_id: id((c) => c.collectorId),
  collector_name: named((c) => c.collectorId, 'collectors'),
  assigned_at: datetime((c) => c.assignedAt),
  last_contact_at: datetime((c) => c.lastContactAt),
  push_batch_no: text((c) => c.pushBatchNo),
  created_at: datetime((c) => c.createdAt),
  updated_at: datetime((c) => c.updatedAt),
};

/** A tenant's own field: the value under its key in the case's `custom_fields`, as text. */
export const customField = (key: string): CaseField => ({
  type: ReportCellType.text,
  read: (c) => {
    const value = c.customFields[key];
    if (value === null || value === undefined) return null;
    return typeof value === 'string' ? value : JSON.stringify(value);
  },
});
