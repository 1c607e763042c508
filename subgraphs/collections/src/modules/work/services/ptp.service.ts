import { badInput, businessRule, parseId, recordDomainEvent } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { dayIn, tenantZone } from '../../config/services/tenant-day';
import { Ptp, type PtpStatus } from '../entities/ptp.entity';
import type { CreatePtpInput } from '../resolvers/work.inputs';
import { caseInReach } from './case-reach';
import { callerProfile } from './staff';
import { parseDay } from './times';

/** A case's PTPs, newest first (a case holds a handful). */
export async function casePtps(ctx: CollectionsContext, caseId: string): Promise<Ptp[]> {
  const found = await caseInReach(ctx, caseId, 'read');
  return ctx.em.find(Ptp, { caseId: found.id }, { orderBy: { createdAt: 'desc', id: 'desc' } });
}

/** Statuses a promise is still open in: a repayment counts towards it. */
export const OPEN_PTP_STATUSES: readonly PtpStatus[] = ['pending', 'partially_kept'];

/**
 * Records a promise to pay on a case in reach: an amount above 0 and at most the outstanding amount, by a date from
 * today on (the tenant's calendar). A new promise replaces the case's open one (cancelled). Records `ptp.created`.
 */
export async function createPtp(ctx: CollectionsContext, input: CreatePtpInput): Promise<Ptp> {
  const found = await caseInReach(ctx, input.caseId, 'write');
  if (input.clientId) {
    const earlier = await ctx.em.findOne(Ptp, { tenantId: found.tenantId, clientId: input.clientId });
    if (earlier) return earlier;
  }
  const amount = input.promiseAmount;
  if (!amount.isFinite() || amount.lte(0) || amount.decimalPlaces() > 2) throw badInput('promiseAmount', 'promiseAmount must be above 0 with at most 2 decimals');
  if (amount.gt(found.outstandingAmount)) {
    throw badInput('promiseAmount', `promiseAmount must not exceed the outstanding amount ${found.outstandingAmount.toFixed(2)}`);
  }
  const promiseDate = parseDay(input.promiseDate, 'promiseDate');
  const today = dayIn(await tenantZone(ctx.em, found.tenantId));
  if (promiseDate < today) throw badInput('promiseDate', `promiseDate must be today (${today}) or later`);

  const open = await ctx.em.find(Ptp, { caseId: found.id, promiseStatus: { $in: [...OPEN_PTP_STATUSES] } });
  for (const earlier of open) earlier.promiseStatus = 'cancelled';
  const profile = await callerProfile(ctx);
  const ptp = ctx.em.create(Ptp, {
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
  await ctx.em.flush();
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
  await ctx.em.flush();
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

export async function updatePtpStatus(ctx: CollectionsContext, ptpId: string, status: PtpStatus): Promise<Ptp> {
  const id = parseId(ptpId);
  const ptp = id === null ? null : await ctx.em.findOne(Ptp, { id });
  if (!ptp) throw CollectionsErrors.notFound('Ptp', ptpId);
  await caseInReach(ctx, ptp.caseId, 'write');
  if (!NEXT[ptp.promiseStatus as PtpStatus].includes(status)) {
    throw businessRule(`A ${ptp.promiseStatus} PTP cannot become ${status}`, { field: 'status', reason: 'PTP_STATUS_TRANSITION' });
  }
  const before: PtpStatus = ptp.promiseStatus;
  ptp.promiseStatus = status;
  recordDomainEvent(ctx, {
    source: 'collections',
    tenantId: ptp.tenantId,
    action: 'update_status',
    resourceType: 'ptp',
    resourceId: ptp.id,
    before: { promiseStatus: before },
    after: { promiseStatus: status },
  });
  await ctx.em.flush();
  return ptp;
}

