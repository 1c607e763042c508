import { LockMode } from '@mikro-orm/core';
import { allow, badInput, DomainError, type Decimal, type IRules } from '@platform/kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { importCases } from '../../cases/services/case-import.service';
import { recallCase } from '../../cases/services/case-recall.service';
import { changeCaseStatus } from '../../cases/services/case-status.service';
import { tenantSettings, type Settings } from '../../config/services/settings';
import { tenantZone } from '../../config/services/tenant-day';
import { applyRepayment } from '../../work/services/apply-repayment';
import { PartnerPushBatch } from '../entities/partner-push-batch.entity';
import { authenticatePartner } from '../services/partner-auth';
import { claimBatch } from '../services/partner-batch';
import {
  caseBatchBody,
  caseRecallBody,
  caseSettledBody,
  parseBody,
  partnerInstant,
  repaymentBody,
  repaymentNotifyBody,
  statusUpdateBody,
} from '../services/partner-bodies';
import { fieldMapping, mapCaseRow } from '../services/partner-field-mapping';
import { PartnerRequestInput } from './partner.inputs';
import { PartnerImportResult, PartnerRecallResult, PartnerRepaymentResult, PartnerStatusResult } from './partner.types';

/**
 * The partner (甲方) pushes (partner §§ 2, 5, 7). The caller has no token: each mutation first has identity verify the
 * request's signature over its raw body (authenticatePartner), and only then reads the body, in the tenant the key
 * belongs to. So the shield lets anonymous callers reach exactly these mutations (and the § 7 configuration ones,
 * PartnerConfigResolver), and nothing else of collections.
 */
@Resolver()
export class PartnerResolver {
  @Mutation(() => PartnerImportResult, {
    description:
      'Partner § 2.1: a batch of cases, upserted by case_code, its fields renamed by the tenant’s field mapping (§ 7.1); a repeated push_batch_no ' +
      '(also one racing the first) answers the first result and applies nothing.',
  })
  async partnerImportCases(@Arg('request') request: PartnerRequestInput, @Ctx() ctx: CollectionsContext): Promise<PartnerImportResult> {
    const tenantId = await authenticatePartner(ctx, request);
    const body = parseBody(caseBatchBody, request.rawBody);
    const zone = await tenantZone(ctx.em, tenantId);
    const batch = await claimBatch(ctx.em, tenantId, body.push_batch_no);
    if (!batch.claimed) return { ...batchAnswer(batch.first), duplicate: true, zone };
    const mapping = await fieldMapping(ctx.em, tenantId);
    const rows = body.cases.map((row) => mapCaseRow(row, mapping));
    const result = await importCases(ctx, tenantId, rows, { pushBatchNo: body.push_batch_no });
    const claimed = await ctx.em.findOneOrFail(PartnerPushBatch, { tenantId, pushBatchNo: body.push_batch_no });
    Object.assign(claimed, {
      total: result.total,
      success: result.success,
      failed: result.failed,
      errors: result.errors.map((e) => ({ caseCode: e.caseCode, error: e.error })),
    });
    await ctx.em.flush();
    return { ...batchAnswer(claimed), duplicate: false, zone };
  }

  @Mutation(() => PartnerStatusResult, { description: 'Partner § 2.2: the case’s status as the partner’s system now has it (the admin console’s transitions apply).' })
  async partnerUpdateCaseStatus(@Arg('request') request: PartnerRequestInput, @Ctx() ctx: CollectionsContext): Promise<PartnerStatusResult> {
    const tenantId = await authenticatePartner(ctx, request);
    const body = parseBody(statusUpdateBody, request.rawBody);
    const found = await ctx.em.findOne(CollectionCase, { tenantId, caseCode: body.case_code });
    if (!found) throw CollectionsErrors.notFound('Case', body.case_code);
    const change = await changeCaseStatus(ctx, found, { caseStatus: body.case_status, repaidAmount: body.repaid_amount ?? null, notes: body.notes }).catch(
      (error: unknown) => {
        throw inPartnerNames(error);
      },
    );
    if (change.newStatus === 'settled' && body.settlement_date) change.case.settlementDate = body.settlement_date;
    await ctx.em.flush();
    return { caseCode: found.caseCode, oldStatus: change.oldStatus, newStatus: change.newStatus, updatedAt: new Date(), zone: await tenantZone(ctx.em, tenantId) };
  }

  @Mutation(() => PartnerStatusResult, { description: 'Partner § 5.2: the case is settled (collection stops) on settlement_date; a repeated notice changes nothing.' })
  async partnerCaseSettled(@Arg('request') request: PartnerRequestInput, @Ctx() ctx: CollectionsContext): Promise<PartnerStatusResult> {
    const tenantId = await authenticatePartner(ctx, request);
    const body = parseBody(caseSettledBody, request.rawBody);
    const found = await ctx.em.findOne(CollectionCase, { tenantId, caseCode: body.case_code });
    if (!found) throw CollectionsErrors.notFound('Case', body.case_code);
    const oldStatus = found.caseStatus;
    if (oldStatus !== 'settled') {
      await changeCaseStatus(ctx, found, { caseStatus: 'settled', repaidAmount: null, notes: null }).catch((error: unknown) => {
        throw inPartnerNames(error);
      });
      found.settlementDate = body.settlement_date;
      await ctx.em.flush();
    }
    return { caseCode: found.caseCode, oldStatus, newStatus: found.caseStatus, updatedAt: new Date(), zone: await tenantZone(ctx.em, tenantId) };
  }

  @Mutation(() => PartnerRecallResult, {
    description: 'Partner § 5.3: the tenant recalls a case — it becomes recalled and leaves its collector (who is told); a repeated recall changes nothing.',
  })
  async partnerCaseRecall(@Arg('request') request: PartnerRequestInput, @Ctx() ctx: CollectionsContext): Promise<PartnerRecallResult> {
    const tenantId = await authenticatePartner(ctx, request);
    const body = parseBody(caseRecallBody, request.rawBody);
    // Locked: a repeated notice racing the first waits for it and then finds the case recalled.
    const found = await ctx.em.findOne(CollectionCase, { tenantId, caseCode: body.case_code }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!found) throw CollectionsErrors.notFound('Case', body.case_code);
    const held = found.collectorId ?? null;
    const recall = await recallCase(ctx, found, { reason: body.recall_reason, notes: body.recall_notes }).catch((error: unknown) => {
      throw inPartnerNames(error);
    });
    return {
      caseCode: found.caseCode,
      oldStatus: recall.oldStatus,
      newStatus: recall.newStatus,
      updatedAt: new Date(),
      recalled: recall.recalled,
      unassigned: recall.recalled && held !== null && found.collectorId === null,
      zone: await tenantZone(ctx.em, tenantId),
    };
  }

  @Mutation(() => PartnerRepaymentResult, { description: 'Partner § 2.3: a repayment, applied once per repayment_id.' })
  async partnerRepayment(@Arg('request') request: PartnerRequestInput, @Ctx() ctx: CollectionsContext): Promise<PartnerRepaymentResult> {
    const tenantId = await authenticatePartner(ctx, request);
    const body = parseBody(repaymentBody, request.rawBody);
    const settings = await tenantSettings(ctx.em, tenantId);
    const date = partnerInstant('repayment_date', body.repayment_date, settings.time_zone);
    return repay(ctx, tenantId, settings, { ...body, date });
  }

  @Mutation(() => PartnerRepaymentResult, { description: 'Partner § 5.1: a repayment notice; the same repayment_id as § 2.3 is applied once.' })
  async partnerRepaymentNotify(@Arg('request') request: PartnerRequestInput, @Ctx() ctx: CollectionsContext): Promise<PartnerRepaymentResult> {
    const tenantId = await authenticatePartner(ctx, request);
    const body = parseBody(repaymentNotifyBody, request.rawBody);
    const settings = await tenantSettings(ctx.em, tenantId);
    const date = partnerInstant('transaction_time', body.transaction_time, settings.time_zone);
    return repay(ctx, tenantId, settings, { ...body, date, transaction_no: null, notes: null });
  }
}

/** The admin service names its inputs as GraphQL does; the partner sent the document's names. */
const PARTNER_NAMES: Record<string, string> = { caseStatus: 'case_status', repaidAmount: 'repaid_amount' };
function inPartnerNames(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT' || typeof error.details.field !== 'string') return error;
  const field = PARTNER_NAMES[error.details.field] ?? error.details.field;
  return badInput(field, error.message.replace(error.details.field, field));
}

const batchAnswer = (batch: PartnerPushBatch) => ({
  pushBatchNo: batch.pushBatchNo,
  receivedAt: batch.receivedAt,
  total: batch.total,
  success: batch.success,
  failed: batch.failed,
  errors: batch.errors,
});

interface PushedRepayment {
  repayment_id: string;
  case_code: string;
  repayment_amount: Decimal;
  date: Date;
  repayment_channel: string | null;
  transaction_no: string | null;
  notes: string | null;
}

async function repay(ctx: CollectionsContext, tenantId: number, settings: Settings, body: PushedRepayment): Promise<PartnerRepaymentResult> {
  const { repayment, duplicate, appliedTo } = await applyRepayment(
    ctx.em,
    {
      tenantId,
      repaymentId: body.repayment_id,
      caseCode: body.case_code,
      amount: body.repayment_amount,
      date: body.date,
      channel: body.repayment_channel,
      source: 'partner',
      transactionNo: body.transaction_no,
      notes: body.notes,
      settings,
    },
    { caller: null, requestId: ctx.requestId },
  );
  // For a duplicate, a locking read: one that waited for the first application sees the case as that one left it.
  const current =
    appliedTo ?? (await ctx.em.findOneOrFail(CollectionCase, { id: repayment.caseId }, { refresh: true, lockMode: LockMode.PESSIMISTIC_READ }));
  return {
    repaymentId: repayment.repaymentId,
    caseCode: current.caseCode,
    repaymentAmount: repayment.repaymentAmount,
    duplicate,
    caseStatus: current.caseStatus,
    repaidAmount: current.repaidAmount,
    outstandingAmount: current.outstandingAmount,
    receivedAt: repayment.createdAt,
    zone: settings.time_zone,
  };
}

export const partnerRules: IRules = {
  Mutation: {
    // Anonymous by design: the signature verified inside (authenticatePartner) is the authentication.
    partnerImportCases: allow,
    partnerUpdateCaseStatus: allow,
    partnerCaseSettled: allow,
    partnerRepayment: allow,
    partnerRepaymentNotify: allow,
    partnerCaseRecall: allow,
  },
  PartnerRecallResult: allow,
  PartnerImportResult: allow,
  PartnerBatchErrorType: allow,
  PartnerRepaymentResult: allow,
  PartnerStatusResult: allow,
};
