import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { badInput, businessRule, conflict, type Decimal, parseId, recordDomainEvent } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { tenantSettings } from '../../config/services/settings';
import { dayIn } from '../../config/services/tenant-day';
import { Ptp, type PtpStatus } from '../entities/ptp.entity';
import type { CreatePtpInput } from '../resolvers/work.inputs';
import { caseInReach } from './case-reach';
import { callerProfile } from './staff';
import { addDays, parseDay } from './times';

/** A case's PTPs, newest first (a case holds a handful). */
export async function casePtps(ctx: CollectionsContext, caseId: string): Promise<Ptp[]> {
  const found = await caseInReach(ctx, caseId, 'read');
  return ctx.em.find(Ptp, { caseId: found.id }, { orderBy: { createdAt: 'desc', id: 'desc' } });
}

/** Statuses a promise is still open in: a repayment counts towards it. */
export const OPEN_PTP_STATUSES: readonly PtpStatus[] = ['pending', 'partially_kept'];

/**
 * Records a promise to pay on a case in reach: an amount above 0 and at most the outstanding amount, by a date from
 * today (the tenant's calendar) to `ptp_max_days` ahead. A new promise replaces the case's open one (cancelled).
 * Records `ptp.created`. An app's retried sync (the same clientId) answers the first record, also when the retries
 * race: the case row is locked first, and the unique (tenant, clientId) catches what a snapshot read missed.
 */
export async function createPtp(ctx: CollectionsContext, input: CreatePtpInput): Promise<Ptp> {
  const found = await caseInReach(ctx, input.caseId, 'write');
  const earlier = input.clientId ? await ctx.em.findOne(Ptp, { tenantId: found.tenantId, clientId: input.clientId }) : null;
  if (earlier) return sameCase(earlier, found.id);
  const promiseDate = await checkPromise(ctx, found, input);
  try {
    return await ctx.em.transactional((em) => createLocked({ ...ctx, em }, found.id, input, promiseDate));
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException) || !input.clientId) throw error;
    const first = await ctx.em.transactional((em) =>
      em.findOne(Ptp, { tenantId: found.tenantId, clientId: input.clientId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }),
    );
    if (!first) throw error;
    return sameCase(first, found.id);
  }
}

/** A client id names one write: reusing it for another case is a mistake of the app, not a retry. */
function sameCase(ptp: Ptp, caseId: number): Ptp {
  if (ptp.caseId !== caseId) throw conflict('clientId was already used for a promise on another case', { field: 'clientId', reason: 'CLIENT_ID_REUSED' });
  return ptp;
}

/** The amount and date rules; answers the promise date. */
async function checkPromise(ctx: CollectionsContext, found: CollectionCase, input: CreatePtpInput): Promise<string> {
  const amount = input.promiseAmount;
  if (!amount.isFinite() || amount.lte(0) || amount.decimalPlaces() > 2) throw badInput('promiseAmount', 'promiseAmount must be above 0 with at most 2 decimals');
  if (amount.gt(found.outstandingAmount)) {
    throw badInput('promiseAmount', `promiseAmount must not exceed the outstanding amount ${found.outstandingAmount.toFixed(2)}`);
  }
  const promiseDate = parseDay(input.promiseDate, 'promiseDate');
  const settings = await tenantSettings(ctx.em, found.tenantId);
  const today = dayIn(settings.time_zone);
  if (promiseDate < today) throw badInput('promiseDate', `promiseDate must be today (${today}) or later`);
  const latest = addDays(today, settings.ptp_max_days);
  if (promiseDate > latest) throw badInput('promiseDate', `promiseDate must be at most ${settings.ptp_max_days} days ahead (${latest})`);
  return promiseDate;
}

async function createLocked(ctx: CollectionsContext, caseId: number, input: CreatePtpInput, promiseDate: string): Promise<Ptp> {
  const { em } = ctx;
  // One promise at a time per case: the open one is replaced under the case's lock.
  const found = await em.findOneOrFail(CollectionCase, { id: caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  const open = await em.find(Ptp, { caseId: found.id, promiseStatus: { $in: [...OPEN_PTP_STATUSES] } });
  for (const earlier of open) earlier.promiseStatus = 'cancelled';
  const profile = await callerProfile(ctx);
  const amount = input.promiseAmount;
  const ptp = em.create(Ptp, {
    tenantId: found.tenantId,
    caseId: found.id,
    // The promise counts for whoever works the case: the caller when they are its collector, else the case's collector.
    collectorId: profile?.position === 'collector' ? profile.id : (found.collectorId ?? null),
    agencyId: found.agencyId ?? null,
    teamId: found.teamId ?? null,
    promiseDate,
    promiseAmount: amount,
    promiseMethod: input.promiseMethod ?? null,
    confidenceLevel: input.confidenceLevel ?? null,
    notes: input.notes ?? null,
    clientId: input.clientId ?? null,
  });
  if (profile) profile.lastActivityAt = new Date();
  await em.flush();
  recordDomainEvent(ctx, {
    source: 'collections',
    topic: 'ptp.created',
    payload: { ptpId: ptp.id, caseId: found.id, caseCode: found.caseCode, collectorId: ptp.collectorId, promiseAmount: amount.toFixed(2), promiseDate },
    tenantId: found.tenantId,
    action: 'create',
    resourceType: 'ptp',
    resourceId: ptp.id,
    after: { caseCode: found.caseCode, promiseAmount: amount.toFixed(2), promiseDate },
    summary: `PTP ${amount.toFixed(2)} by ${promiseDate} on case ${found.caseCode}`,
  });
  await em.flush();
  return ptp;
}

/** Where a promise may go from each status by hand (a repayment moves it to kept / partially_kept itself). */
const NEXT: Record<PtpStatus, readonly PtpStatus[]> = {
  pending: ['kept', 'partially_kept', 'broken', 'cancelled'],
  partially_kept: ['kept', 'broken', 'cancelled'],
  kept: [],
  broken: [],
  cancelled: [],
};

/** What a collector reports with a status (the app's 实际还款 fields); the repayment itself arrives on its own. */
export interface PtpStatusReport {
  actualRepaymentDate?: string | null;
  actualRepaymentAmount?: Decimal | null;
  notes?: string | null;
}

export async function updatePtpStatus(ctx: CollectionsContext, ptpId: string, status: PtpStatus, report: PtpStatusReport = {}): Promise<Ptp> {
  const id = parseId(ptpId);
  const ptp = id === null ? null : await ctx.em.findOne(Ptp, { id });
  if (!ptp) throw CollectionsErrors.notFound('Ptp', ptpId);
  await caseInReach(ctx, ptp.caseId, 'write');
  if (!NEXT[ptp.promiseStatus as PtpStatus].includes(status)) {
    throw businessRule(`A ${ptp.promiseStatus} PTP cannot become ${status}`, { field: 'status', reason: 'PTP_STATUS_TRANSITION' });
  }
  const actualDate = report.actualRepaymentDate ? parseDay(report.actualRepaymentDate, 'actualRepaymentDate') : undefined;
  const actualAmount = report.actualRepaymentAmount;
  if (actualAmount && (!actualAmount.isFinite() || actualAmount.lte(0) || actualAmount.decimalPlaces() > 2)) {
    throw badInput('actualRepaymentAmount', 'actualRepaymentAmount must be above 0 with at most 2 decimals');
  }
  const before: PtpStatus = ptp.promiseStatus;
  ptp.promiseStatus = status;
  if (actualDate) ptp.actualRepaymentDate = actualDate;
  if (actualAmount) ptp.actualRepaymentAmount = actualAmount;
  if (report.notes) ptp.notes = report.notes;
  recordDomainEvent(ctx, {
    source: 'collections',
    tenantId: ptp.tenantId,
    action: 'update_status',
    resourceType: 'ptp',
    resourceId: ptp.id,
    before: { promiseStatus: before },
    after: { promiseStatus: status, actualRepaymentDate: ptp.actualRepaymentDate ?? null, actualRepaymentAmount: ptp.actualRepaymentAmount?.toFixed(2) ?? null },
  });
  await ctx.em.flush();
  return ptp;
}

