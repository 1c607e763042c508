import { randomUUID } from 'node:crypto';
import { raw } from '@mikro-orm/sql';
import { centsToDecimal, pageWindow, toPage, type PageWindow } from '@platform/kit';
import { aggregate } from '../../dashboards/services/grouped';
import type { RepaymentHistory } from '../resolvers/repayment-history.types';
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
 * A case's repayments, newest first, a page of them with the count of every one and the exact sum of the confirmed
 * ones (pending offline reports are listed, not counted in the sum), both in SQL. A case of the tenant outside the
 * caller's scope is FORBIDDEN.
 */
export async function caseRepaymentHistory(ctx: CollectionsContext, caseId: string, window: PageWindow): Promise<RepaymentHistory> {
  // The collector app's history: another collector's case is 403 there (decisions.md § CCO), as for acting on it.
  const found = await caseInReach(ctx, caseId, 'write');
  const [[items, total], [sum]] = await Promise.all([
    ctx.em.findAndCount(Repayment, { caseId: found.id }, { orderBy: { repaymentDate: 'desc', id: 'desc' }, ...pageWindow(window) }),
    aggregate(ctx.em, Repayment, [raw('sum(repayment_amount) as cents')], { caseId: found.id, confirmed: true }),
  ]);
  return { ...toPage(items, total, window), totalRepaidAmount: centsToDecimal(sum?.cents as string | undefined) };
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
