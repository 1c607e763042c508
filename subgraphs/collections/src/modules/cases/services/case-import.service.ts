import type { EntityManager } from '@mikro-orm/core';
import { bulkUpsert, Decimal, recordDomainEvent, type RequestContext } from '@platform/kit';
import { Repayment } from '../../work/entities/repayment.entity';
import { CaseContact } from '../entities/case-contact.entity';
import { CollectionCase } from '../entities/collection-case.entity';
import { caseImportRow, rowProblem, type CaseImportRow } from './case-import.row';
import { activeQueues, queueForOverdueDays, type QueueRange } from './queue-for-overdue';

/** At most this many cases per request (admin import and partner push alike). */
export const MAX_IMPORT_ROWS = 10_000;
/** Rows validated rows are written in: one case upsert, one contacts insert, one repayments insert each. */
const CHUNK = 1000;

export interface CaseImportError {
  /** 1-based position of the row in the request. */
  row: number;
  caseCode: string | null;
  error: string;
}

export interface CaseImportResult {
  total: number;
  success: number;
  failed: number;
  errors: CaseImportError[];
}

export interface CaseImportOptions {
  /** The partner batch (`push_batch_no`) that carried the rows, kept on each case. */
  pushBatchNo?: string | null;
}

/**
 * Imports (upserts by case_code) a tenant's cases: each row checked on its own, every valid row written in batched
 * statements inside the caller's transaction (the mutation's). A case lands in the tenant's queue whose overdue-days
 * range holds it. A row carries the case's whole state: what it leaves out is cleared (its assignment is kept).
 * Contact phones, when a row sends them, replace the case's; its repayment history adds the repayments not known yet
 * (by repayment_id). Used by the admin console (§ 8.2) and the partner push (partner § 2.1).
 */
export async function importCases(
  ctx: Pick<RequestContext, 'caller' | 'requestId'> & { em: EntityManager },
  tenantId: number,
  rows: readonly unknown[],
  options: CaseImportOptions = {},
): Promise<CaseImportResult> {
  const { valid, errors } = validateRows(rows);
  const queues = await activeQueues(ctx.em, tenantId);
  for (let i = 0; i < valid.length; i += CHUNK) {
    await writeChunk(ctx.em, tenantId, valid.slice(i, i + CHUNK), queues, options);
  }
  const result = { total: rows.length, success: valid.length, failed: errors.length, errors };
  recordDomainEvent(ctx, {
    source: 'collections',
    topic: 'cases.imported',
    payload: { tenantId, total: result.total, success: result.success, failed: result.failed, pushBatchNo: options.pushBatchNo ?? null },
    tenantId,
    action: 'import',
    resourceType: 'case',
    resourceId: (options.pushBatchNo ?? 'import').slice(0, 36),
    after: { total: result.total, success: result.success, failed: result.failed },
    summary: `导入案件 ${result.success}/${result.total}`,
  });
  await ctx.em.flush();
  return result;
}

interface ValidRow {
  index: number;
  row: CaseImportRow;
}

function validateRows(rows: readonly unknown[]): { valid: ValidRow[]; errors: CaseImportError[] } {
  const valid: ValidRow[] = [];
  const errors: CaseImportError[] = [];
  const seen = new Set<string>();
  rows.forEach((raw, index) => {
    const code = typeof (raw as { case_code?: unknown })?.case_code === 'string' ? (raw as { case_code: string }).case_code.trim() : null;
    const parsed = caseImportRow.safeParse(raw, { reportInput: true });
    if (!parsed.success) return errors.push({ row: index + 1, caseCode: code, error: rowProblem(parsed.error) });
    if (seen.has(parsed.data.case_code)) return errors.push({ row: index + 1, caseCode: code, error: '重复案件编号' });
    seen.add(parsed.data.case_code);
    valid.push({ index, row: parsed.data });
  });
  return { valid, errors };
}

/** The case columns a row sets (on insert and on update alike). */
const IMPORTED_FIELDS = [
  'customerId', 'userName', 'mobile', 'idNumber', 'email', 'address', 'bankAccount', 'gender', 'dateOfBirth',
  'loanId', 'loanProductName', 'loanAmount', 'loanDate', 'loanTerm', 'dueDate', 'interestRate', 'repaidAmount',
  'outstandingPrincipal', 'outstandingInterest', 'outstandingPenalty', 'outstandingAmount', 'overdueAmount',
  'overdueDays', 'caseStatus', 'casePriority', 'caseTags', 'customFields', 'queueId', 'pushBatchNo', 'updatedAt',
] as const;

function caseData(tenantId: number, row: CaseImportRow, queueId: number | null, pushBatchNo: string | null, now: Date) {
  return {
    tenantId,
    caseCode: row.case_code,
    customerId: row.user_id,
    userName: row.user_name,
    mobile: row.mobile,
    idNumber: row.id_number,
    email: row.email,
    address: row.address,
    bankAccount: row.bank_account,
    gender: row.gender,
    dateOfBirth: row.date_of_birth ?? null,
    loanId: row.loan_id,
    loanProductName: row.loan_product_name,
    loanAmount: row.loan_amount,
    loanDate: row.loan_date ?? null,
    loanTerm: row.loan_term ?? null,
    dueDate: row.due_date,
    interestRate: row.interest_rate == null ? null : new Decimal(row.interest_rate),
    repaidAmount: row.repaid_amount ?? new Decimal(0),
    outstandingPrincipal: row.outstanding_principal ?? null,
    outstandingInterest: row.outstanding_interest ?? null,
    outstandingPenalty: row.outstanding_penalty ?? null,
    outstandingAmount: row.outstanding_amount,
    overdueAmount: row.overdue_amount ?? null,
    overdueDays: row.overdue_days,
    caseStatus: row.case_status ?? 'pending_repayment',
    casePriority: row.case_priority ?? 'normal',
    caseTags: row.case_tags ?? [],
    customFields: row.custom_fields ?? {},
    queueId,
    pushBatchNo,
    createdAt: now,
    updatedAt: now,
  };
}

async function writeChunk(em: EntityManager, tenantId: number, chunk: ValidRow[], queues: readonly QueueRange[], options: CaseImportOptions) {
  const now = new Date();
  const data = chunk.map(({ row }) => caseData(tenantId, row, queueForOverdueDays(queues, row.overdue_days), options.pushBatchNo ?? null, now));
  await bulkUpsert(em, CollectionCase, data, { conflict: ['tenantId', 'caseCode'], merge: IMPORTED_FIELDS });
  const ids = await caseIds(em, tenantId, chunk.map(({ row }) => row.case_code));
  await replaceContacts(em, tenantId, chunk, ids, now);
  await addRepayments(em, tenantId, chunk, ids, now);
}

/** case_code → id, read back in one statement (an upsert's answer does not name the ids of updated rows). */
async function caseIds(em: EntityManager, tenantId: number, codes: string[]): Promise<Map<string, number>> {
  const rows = await em.find(CollectionCase, { tenantId, caseCode: { $in: codes } }, { fields: ['id', 'caseCode'], disableIdentityMap: true });
  return new Map(rows.map((r) => [r.caseCode, r.id]));
}

async function replaceContacts(em: EntityManager, tenantId: number, chunk: ValidRow[], ids: Map<string, number>, now: Date) {
  const withContacts = chunk.filter(({ row }) => row.contact_phones);
  if (!withContacts.length) return;
  // The contacts there are deleted by primary key: deleting by case id would lock the index gaps of cases that have
  // none yet (every new one), and two batches inserting their new cases' contacts would then deadlock.
  const caseIdsWithContacts = withContacts.map(({ row }) => ids.get(row.case_code)!);
  const stale = await em.find(CaseContact, { tenantId, caseId: { $in: caseIdsWithContacts } }, { fields: ['id'], disableIdentityMap: true });
  if (stale.length) await em.nativeDelete(CaseContact, { id: { $in: stale.map((c) => c.id) } });
  const contacts = withContacts.flatMap(({ row }) =>
    (row.contact_phones ?? []).map((p) => ({
      tenantId,
      caseId: ids.get(row.case_code)!,
      phoneNumber: p.phone_number,
      phoneType: p.phone_type ?? 'mobile',
      contactName: p.contact_name,
      relationship: p.relationship,
      isPrimary: p.is_primary ?? false,
      isVerified: false,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await bulkUpsert(em, CaseContact, contacts);
}

async function addRepayments(em: EntityManager, tenantId: number, chunk: ValidRow[], ids: Map<string, number>, now: Date) {
  const repayments = chunk.flatMap(({ row }) =>
    (row.repayment_history ?? []).map((r) => ({
      tenantId,
      repaymentId: r.repayment_id,
      caseId: ids.get(row.case_code)!,
      repaymentAmount: r.repayment_amount,
      repaymentDate: new Date(`${r.repayment_date}T00:00:00Z`),
      repaymentChannel: r.repayment_channel,
      source: 'import' as const,
      confirmed: true,
      createdAt: now,
      updatedAt: now,
    })),
  );
  if (!repayments.length) return;
  // A repayment already known (pushed or imported before) is kept as it is: applied once.
  await bulkUpsert(em, Repayment, repayments, { conflict: ['tenantId', 'repaymentId'] });
}
