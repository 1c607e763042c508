import { badInput, Decimal, notFound, recordDomainEvent } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CASE_STATUSES, type CaseStatus } from '../entities/case-status';
import type { CollectionCase } from '../entities/collection-case.entity';
import type { UpdateCaseStatusInput } from '../resolvers/case.inputs';
import { findCase } from './case-query.service';

/**
 * The status changes an administrator may make (CCO admin § 8.7). A worked case (pending, promised, partly repaid)
 * may move to any other state; a settled case may only be closed; a recalled case may be reopened (pending) or closed;
 * written off and closed are final. partial_repayment → partial_repayment records a further repayment.
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  pending_repayment: ['partial_repayment', 'settled', 'promised', 'recalled', 'closed', 'written_off'],
  promised: ['pending_repayment', 'partial_repayment', 'settled', 'recalled', 'closed', 'written_off'],
  partial_repayment: ['partial_repayment', 'pending_repayment', 'settled', 'promised', 'recalled', 'closed', 'written_off'],
  settled: ['closed'],
  recalled: ['pending_repayment', 'closed'],
  written_off: [],
  closed: [],
};

export interface CaseStatusChange {
  case: CollectionCase;
  oldStatus: CaseStatus;
  newStatus: CaseStatus;
}

const snapshot = (c: CollectionCase) => ({
  case_status: c.caseStatus,
  repaid_amount: c.repaidAmount.toFixed(2),
  outstanding_amount: c.outstandingAmount.toFixed(2),
});

/**
 * Applies a status change. `repaidAmount` is the case's total repaid after it: never less than before, and what it adds
 * comes off the outstanding amount (which cannot go below 0). partial_repayment needs something repaid and something
 * still outstanding; settled clears the outstanding amount and dates the settlement. Recorded as `case.status_changed`.
 */
export async function updateCaseStatus(ctx: CollectionsContext, id: string, input: UpdateCaseStatusInput): Promise<CaseStatusChange> {
  const row = await findCase(ctx, id);
  if (!row) throw notFound('Case', id);
  return changeCaseStatus(ctx, row, input);
}

/** The change itself, on a case the caller has found (the admin in their scope, a partner push by case_code). */
export async function changeCaseStatus(
  ctx: CollectionsContext,
  row: CollectionCase,
  input: Pick<UpdateCaseStatusInput, 'caseStatus' | 'repaidAmount' | 'notes'>,
): Promise<CaseStatusChange> {
  if (!(CASE_STATUSES as readonly string[]).includes(input.caseStatus)) {
    throw badInput('caseStatus', `caseStatus must be one of ${CASE_STATUSES.join(', ')}`);
  }
  const next = input.caseStatus as CaseStatus;
  const old: CaseStatus = row.caseStatus;
  if (!CASE_TRANSITIONS[old].includes(next)) {
    throw badInput('caseStatus', `caseStatus cannot change from ${old} to ${next}`);
  }
  const before = snapshot(row);
  applyRepaid(row, input.repaidAmount ?? null);
  if (next === 'partial_repayment' && (row.repaidAmount.isZero() || row.outstandingAmount.isZero())) {
    throw badInput('repaidAmount', 'partial_repayment needs a repaid amount and an outstanding balance');
  }
  if (next === 'settled') {
    row.outstandingAmount = new Decimal(0);
    row.settlementDate = new Date().toISOString().slice(0, 10);
  }
  row.caseStatus = next;
  recordDomainEvent(ctx, {
    source: 'collections',
    topic: 'case.status_changed',
    payload: { caseId: row.id, caseCode: row.caseCode, oldStatus: old, newStatus: next, notes: input.notes ?? null, ...snapshot(row) },
    tenantId: row.tenantId,
    action: 'status_change',
    resourceType: 'case',
    resourceId: row.id,
    before,
    after: { ...snapshot(row), notes: input.notes ?? null },
    summary: `案件 ${row.caseCode} 状态 ${old} → ${next}${input.notes ? `：${input.notes}` : ''}`,
  });
  await ctx.em.flush();
  return { case: row, oldStatus: old, newStatus: next };
}

function applyRepaid(row: CollectionCase, repaid: Decimal | null): void {
  if (repaid === null) return;
  if (repaid.isNeg() || repaid.decimalPlaces() > 2) throw badInput('repaidAmount', 'repaidAmount must be a non-negative amount with at most 2 decimals');
  const added = repaid.minus(row.repaidAmount);
  if (added.isNeg()) throw badInput('repaidAmount', `repaidAmount cannot be less than the ${row.repaidAmount.toFixed(2)} already repaid`);
  if (added.gt(row.outstandingAmount)) throw badInput('repaidAmount', `repaidAmount exceeds the outstanding ${row.outstandingAmount.toFixed(2)}`);
  row.repaidAmount = repaid;
  row.outstandingAmount = row.outstandingAmount.minus(added);
}
