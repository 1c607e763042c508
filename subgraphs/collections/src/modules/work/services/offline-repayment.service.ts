import { createHash, randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { badInput, parseId, recordDomainEvent } from '@platform/kit';
import { DateTime } from 'luxon';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { tenantZone } from '../../config/services/tenant-day';
import { Repayment } from '../entities/repayment.entity';
import type { OfflineRepaymentInput } from '../resolvers/offline-repayment.input';
import { applyToCase, type RepaymentOutcome } from './apply-repayment';
import { caseInReach } from './case-reach';
import { parseLocalOrIso } from './times';

/**
 * The repayment key of an app's offline write: the same client id on the same case is the same repayment, so a
 * retried sync hits the unique (tenant, repaymentId) however the retries race.
 */
const appRepaymentId = (caseId: number, clientId: string) => `APP-${createHash('sha256').update(`${caseId}:${clientId}`).digest('hex').slice(0, 40)}`;

/** A date as the app sends it (`YYYY-MM-DD`, the tenant's calendar: its start) or a local/ISO time; never ahead of now. */
function repaymentTime(text: string | undefined, zone: string): Date {
  if (!text) return new Date();
  const day = DateTime.fromFormat(text, 'yyyy-MM-dd', { zone });
  const at = day.isValid ? day.toJSDate() : parseLocalOrIso(text, zone, 'repaymentDate');
  if (at.getTime() > Date.now()) throw badInput('repaymentDate', 'repaymentDate must not be in the future');
  return at;
}

/**
 * A collector confirms a repayment the debtor made offline (cash, a transfer the core has not pushed yet), with its
 * receipt: recorded pending (`confirmed` false), counted nowhere until an administrator confirms it (collector app
 * § 6.3: 需要后台审核). The same clientId on the same case answers the first record.
 */
export async function recordOfflineRepayment(ctx: CollectionsContext, input: OfflineRepaymentInput): Promise<Repayment> {
  const found = await caseInReach(ctx, input.caseId, 'write');
  const amount = input.amount;
  if (!amount.isFinite() || amount.lte(0) || amount.decimalPlaces() > 2) throw badInput('amount', 'amount must be above 0 with at most 2 decimals');
  const repaymentId = input.clientId ? appRepaymentId(found.id, input.clientId) : `OFF-${randomUUID()}`;
  const earlier = await ctx.em.findOne(Repayment, { tenantId: found.tenantId, repaymentId });
  if (earlier) return earlier;
  const date = repaymentTime(input.repaymentDate, await tenantZone(ctx.em, found.tenantId));
  try {
    return await ctx.em.transactional(async (em) => {
      const repayment = em.create(Repayment, {
        tenantId: found.tenantId,
        repaymentId,
        caseId: found.id,
        collectorId: found.collectorId ?? null,
        agencyId: found.agencyId ?? null,
        teamId: found.teamId ?? null,
        repaymentAmount: amount,
        repaymentDate: date,
        repaymentChannel: input.repaymentMethod ?? null,
        transactionNo: input.transactionNo ?? null,
        source: 'offline',
        notes: input.notes ?? null,
        receiptFileId: input.receiptFileId ?? null,
        clientId: input.clientId ?? null,
        confirmed: false,
      });
      await em.flush();
      recordDomainEvent({ ...ctx, em }, {
        source: 'collections',
        topic: 'repayment.reported',
        payload: { repaymentRowId: repayment.id, caseId: found.id, caseCode: found.caseCode, amount: amount.toFixed(2) },
        tenantId: found.tenantId,
        action: 'create',
        resourceType: 'repayment',
        resourceId: repayment.id,
        after: { caseCode: found.caseCode, amount: amount.toFixed(2), confirmed: false, receiptFileId: repayment.receiptFileId ?? null },
        summary: `线下还款待审核 ${amount.toFixed(2)}（案件 ${found.caseCode}）`,
      });
      await em.flush();
      return repayment;
    });
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    // The first sync's record, read past any snapshot (a locking read sees the latest commit).
    const winner = await ctx.em.transactional((em) =>
      em.findOne(Repayment, { tenantId: found.tenantId, repaymentId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }),
    );
    if (!winner) throw error;
    return winner;
  }
}

/**
 * An administrator confirms a pending offline repayment: it is applied as any repayment (case amounts and status, the
 * open PTP, the collector's notice). Confirming one already confirmed changes nothing (`duplicate`).
 */
export async function confirmRepayment(ctx: CollectionsContext, id: string): Promise<RepaymentOutcome> {
  const rowId = parseId(id);
  const pending = rowId === null ? null : await ctx.em.findOne(Repayment, { id: rowId });
  if (!pending) throw CollectionsErrors.notFound('Repayment', id);
  await caseInReach(ctx, pending.caseId, 'write');
  return ctx.em.transactional(async (em) => {
    const found = await em.findOneOrFail(CollectionCase, { id: pending.caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const repayment = await em.findOneOrFail(Repayment, { id: pending.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (repayment.confirmed) return { repayment, duplicate: true };
    await applyToCase(em, { caller: ctx.caller, requestId: ctx.requestId }, found, repayment);
    return { repayment, duplicate: false };
  });
}
