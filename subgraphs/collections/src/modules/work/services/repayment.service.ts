import { randomUUID } from 'node:crypto';
import type { CollectionsContext } from '../../../collections.context';
import { tenantZone } from '../../config/services/tenant-day';
import { Repayment } from '../entities/repayment.entity';
import type { RecordRepaymentInput } from '../resolvers/work.inputs';
import { applyRepayment, type RepaymentOutcome } from './apply-repayment';
import { caseInReach } from './case-reach';
import { parseLocalOrIso } from './times';

/** A case's repayments, newest first. */
export async function caseRepayments(ctx: CollectionsContext, caseId: string): Promise<Repayment[]> {
  const found = await caseInReach(ctx, caseId, 'read');
  return ctx.em.find(Repayment, { caseId: found.id }, { orderBy: { repaymentDate: 'desc', id: 'desc' } });
}

/**
 * A repayment recorded in the console or the app (an offline payment a collector confirms) on a case in reach;
 * without a repaymentId it gets one of its own (`OFF-…`), so only a client that names one can retry safely.
 */
export async function recordRepayment(ctx: CollectionsContext, input: RecordRepaymentInput): Promise<RepaymentOutcome> {
  const found = await caseInReach(ctx, input.caseId, 'write');
  const zone = await tenantZone(ctx.em, found.tenantId);
  return applyRepayment(
    ctx.em,
    {
      tenantId: found.tenantId,
      repaymentId: input.repaymentId ?? `OFF-${randomUUID()}`,
      caseId: found.id,
      amount: input.amount,
      date: input.repaymentDate ? parseLocalOrIso(input.repaymentDate, zone, 'repaymentDate') : new Date(),
      channel: input.repaymentChannel ?? null,
      source: 'offline',
      transactionNo: input.transactionNo ?? null,
      notes: input.notes ?? null,
      receiptFileId: input.receiptFileId ?? null,
      clientId: input.clientId ?? null,
    },
    ctx,
  );
}
