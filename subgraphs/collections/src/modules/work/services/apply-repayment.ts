import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { badInput, Decimal, recordDomainEvent, type Caller, type NoticeRequest, type RepaymentReceivedData } from '@platform/kit';
import { CollectionsErrors } from '../../../collections.errors';
import { OPEN_CASE_STATUSES, type CaseStatus } from '../../cases/entities/case-status';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { dayIn } from '../../config/services/tenant-day';
import { tenantSettings, type Settings } from '../../config/services/settings';
import { Collector } from '../../org/entities/collector.entity';
import { Ptp } from '../entities/ptp.entity';
import { Repayment, type RepaymentSource } from '../entities/repayment.entity';
import { OPEN_PTP_STATUSES } from './ptp.service';

/** The case a repayment is for: its id, or its code (a partner push names only that; read once, under the lock). */
export type RepaidCase = { caseId: number; caseCode?: never } | { caseCode: string; caseId?: never };

export type ApplyRepaymentInput = RepaidCase & {
  tenantId: number;
  /** The tenant's key of the repayment: applied once per tenant. */
  repaymentId: string;
  amount: Decimal;
  date: Date;
  channel?: string | null;
  source: RepaymentSource;
  transactionNo?: string | null;
  notes?: string | null;
  receiptFileId?: string | null;
  clientId?: string | null;
  /** The tenant's settings when the caller has read them already (a partner push reads its zone first). */
  settings?: Settings;
};

/** What applying a repayment did; a repeated repaymentId answers the first application's result. */
export interface RepaymentOutcome {
  repayment: Repayment;
  /** True when the repaymentId had been applied before (nothing changed this time). */
  duplicate: boolean;
  /** The case as this application left it; absent for a duplicate (another application changed it). */
  appliedTo?: CollectionCase;
}

/** Who applies it (audit: actor and request); a partner push or a job has no caller (the default). */
export interface RepaymentActor {
  caller: Caller | null;
  requestId: string;
}

/**
 * Applies a repayment once per (tenant, repaymentId), in one transaction: the repayment row (with what it did), the
 * case's repaid and outstanding amounts (the outstanding penalty, then interest, then principal go down first) and
 * status (partial_repayment, or settled once nothing is outstanding), the open PTP (kept once covered, else
 * partially_kept), and `repayment.received` with a notice to the case's collector (live `repaymentReceived`).
 *
 * Concurrent duplicates: the case row is locked first (SELECT … FOR UPDATE), so applications to one case run one after
 * another and each re-reads the repaymentId under the lock; the unique index (tenant, repaymentId) catches the rest
 * (the same id on another case, or a read from a snapshot older than the first's commit), whose callers then read the
 * first result. Nothing that goes on to write locks an index gap, so pushes for different cases never deadlock each
 * other (a case code that names no case locks its gap in the case index only until that push fails and rolls back).
 */
export async function applyRepayment(
  em: EntityManager,
  input: ApplyRepaymentInput,
  actor: RepaymentActor = { caller: null, requestId: randomUUID() },
): Promise<RepaymentOutcome> {
  if (!input.amount.isFinite() || input.amount.lte(0) || input.amount.decimalPlaces() > 2) {
    throw badInput('amount', 'amount must be above 0 with at most 2 decimals');
  }
  try {
    return await em.transactional((tx) => applyLocked(tx, input, actor));
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const first = await em.transactional((tx) => firstApplication(tx, input));
    if (!first) throw error;
    return { repayment: first, duplicate: true };
  }
}

/** The repayment already applied under this id, read past any snapshot (a locking read sees the latest commit). */
function firstApplication(em: EntityManager, input: ApplyRepaymentInput): Promise<Repayment | null> {
  return em.findOne(Repayment, { tenantId: input.tenantId, repaymentId: input.repaymentId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

async function applyLocked(em: EntityManager, input: ApplyRepaymentInput, actor: RepaymentActor): Promise<RepaymentOutcome> {
  const key = input.caseId === undefined ? { caseCode: input.caseCode } : { id: input.caseId };
  const found = await em.findOne(CollectionCase, { ...key, tenantId: input.tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!found) throw CollectionsErrors.notFound('Case', input.caseId ?? input.caseCode);
  // A plain read: a locking read of an id not there yet would lock the index gap, and two pushes for different cases
  // then deadlock on their inserts. A duplicate this read misses (an older snapshot) is caught by the unique index.
  const seen = await em.findOne(Repayment, { tenantId: input.tenantId, repaymentId: input.repaymentId }, { refresh: true });
  if (seen) return { repayment: seen, duplicate: true };

  // The row first, flushed alone: it claims the repaymentId (a duplicate fails here) before anything of the case
  // changes — a failed flush would leave the changed case in the calling request's identity map, to be written later.
  const repayment = em.create(Repayment, {
    tenantId: input.tenantId,
    repaymentId: input.repaymentId,
    caseId: found.id,
    collectorId: found.collectorId ?? null,
    agencyId: found.agencyId ?? null,
    teamId: found.teamId ?? null,
    repaymentAmount: input.amount,
    repaymentDate: input.date,
    repaymentChannel: input.channel ?? null,
    transactionNo: input.transactionNo ?? null,
    source: input.source,
    notes: input.notes ?? null,
    receiptFileId: input.receiptFileId ?? null,
    clientId: input.clientId ?? null,
    outstandingAfter: found.outstandingAmount,
    caseStatusAfter: found.caseStatus,
  });
  await em.flush();
  await applyToCase(em, actor, found, repayment, input.settings);
  return { repayment, duplicate: false, appliedTo: found };
}

/**
 * What a confirmed repayment does to its case (locked by the caller): amounts, status, the open PTP, the row's record
 * of it, and the events (notice and live `repaymentReceived` to the case's collector).
 */
export async function applyToCase(em: EntityManager, actor: RepaymentActor, found: CollectionCase, repayment: Repayment, known?: Settings): Promise<void> {
  const settings = known ?? (await tenantSettings(em, found.tenantId));
  const statusBefore = found.caseStatus;
  const amount = repayment.repaymentAmount;
  reduceOutstanding(found, amount);
  if (OPEN_CASE_STATUSES.includes(found.caseStatus)) {
    found.caseStatus = found.outstandingAmount.isZero() ? 'settled' : 'partial_repayment';
    if (found.caseStatus === 'settled') found.settlementDate = dayIn(settings.time_zone, repayment.repaymentDate);
  }
  const ptp = await em.findOne(Ptp, { caseId: found.id, promiseStatus: { $in: [...OPEN_PTP_STATUSES] } }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  if (ptp) {
    ptp.keptAmount = ptp.keptAmount.plus(amount);
    ptp.promiseStatus = ptp.keptAmount.gte(ptp.promiseAmount) ? 'kept' : 'partially_kept';
  }
  Object.assign(repayment, {
    confirmed: true,
    outstandingAfter: found.outstandingAmount,
    caseStatusAfter: found.caseStatus,
    ptpId: ptp?.id ?? null,
    ptpStatusAfter: ptp?.promiseStatus ?? null,
  });
  // One flush writes the case, the PTP, the row's record and the events (the same transaction either way).
  await recordEvents(em, actor, found, repayment, statusBefore, settings.currency_code);
  await em.flush();
}

/** Repaid goes up; the outstanding penalty, then interest, then principal go down, the total never below 0. */
function reduceOutstanding(found: CollectionCase, amount: Decimal): void {
  found.repaidAmount = found.repaidAmount.plus(amount);
  let left = amount;
  for (const part of ['outstandingPenalty', 'outstandingInterest', 'outstandingPrincipal'] as const) {
    const owed = found[part];
    if (!owed || left.isZero()) continue;
    const paid = Decimal.min(owed, left);
    found[part] = owed.minus(paid);
    left = left.minus(paid);
  }
  found.outstandingAmount = Decimal.max(found.outstandingAmount.minus(amount), 0);
}

async function recordEvents(
  em: EntityManager,
  actor: RepaymentActor,
  found: CollectionCase,
  repayment: Repayment,
  statusBefore: CaseStatus,
  currency: string,
): Promise<void> {
  const amount = repayment.repaymentAmount.toFixed(2);
  const ctx = { ...actor, em };
  const collector = found.collectorId ? await em.findOne(Collector, { id: found.collectorId }) : null;
  const live: RepaymentReceivedData = {
    caseId: found.id,
    caseCode: found.caseCode,
    repaymentId: repayment.repaymentId,
    amount,
    currency,
    repaidAt: repayment.repaymentDate.toISOString(),
    outstandingAmount: found.outstandingAmount.toFixed(2),
    status: found.caseStatus,
  };
  const notify: NoticeRequest | undefined = collector
    ? {
        recipients: { userIds: [collector.userId] },
        template: 'repayment.received',
        params: { debtor_name: found.userName, amount, currency, case_code: found.caseCode, case_id: found.id },
        live: { kind: 'repaymentReceived', data: { ...live } },
      }
    : undefined;
  recordDomainEvent(ctx, {
    source: 'collections',
    topic: 'repayment.received',
    payload: { ...live, repaymentRowId: repayment.id, collectorId: found.collectorId ?? null, source: repayment.source, ptpId: repayment.ptpId, ptpStatus: repayment.ptpStatusAfter },
    tenantId: found.tenantId,
    action: 'create',
    resourceType: 'repayment',
    resourceId: repayment.id,
    after: { caseCode: found.caseCode, repaymentId: repayment.repaymentId, amount, outstandingAmount: live.outstandingAmount },
    summary: `还款 ${amount} ${currency}（案件 ${found.caseCode}）`,
    notify,
  });
  if (statusBefore !== found.caseStatus) {
    recordDomainEvent(ctx, {
      source: 'collections',
      topic: 'case.status_changed',
      payload: { caseId: found.id, caseCode: found.caseCode, oldStatus: statusBefore, newStatus: found.caseStatus, reason: 'repayment' },
      tenantId: found.tenantId,
      action: 'update_status',
      resourceType: 'case',
      resourceId: found.id,
      before: { caseStatus: statusBefore },
      after: { caseStatus: found.caseStatus },
    });
  }
}
