import { badInput, DecimalScalar } from '@platform/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { TenantStub } from '../../org/entities/tenant.stub';
import { Ptp, PTP_STATUSES, type PtpStatus } from '../entities/ptp.entity';
import { caseOfWork } from '../loaders/case-of-work.loader';
import { tenantToday } from '../loaders/tenant-today.loader';
import { duePtps, myPtps } from '../services/ptp-list.service';
import { casePtps, createPtp, updatePtpStatus } from '../services/ptp.service';
import { daysBetween } from '../services/times';
import { PtpListPage } from './ptp-list.types';
import { CreatePtpInput, DuePtpsArgs, MyPtpsArgs, PtpStatusReportInput } from './work.inputs';
import { worksCases } from './work.rules';

@Resolver(() => Ptp)
export class PtpResolver {
  @Query(() => [Ptp], { description: 'A case’s promises to pay, newest first; a case out of reach is NOT_FOUND.' })
  casePtps(@Arg('caseId', () => ID) caseId: string, @Ctx() ctx: CollectionsContext) {
    return casePtps(ctx, caseId);
  }

  @Query(() => PtpListPage, {
    description:
      'The promises in the caller’s reach (a collector’s own, a leader’s team’s, an admin’s tenant’s), soonest date first; ' +
      'the summary counts the same reach and date range over every status.',
  })
  myPtps(@Args(() => MyPtpsArgs) args: MyPtpsArgs, @Ctx() ctx: CollectionsContext) {
    return myPtps(ctx, { status: args.status, dateFrom: args.dateFrom, dateTo: args.dateTo }, args.window());
  }

  @Query(() => PtpListPage, { description: 'Open promises in reach due from today to `days` ahead (default 3), soonest first.' })
  duePtps(@Args(() => DuePtpsArgs) args: DuePtpsArgs, @Ctx() ctx: CollectionsContext) {
    return duePtps(ctx, args.days ?? 3, args.window());
  }

  @Mutation(() => Ptp, { description: 'Records a promise to pay (replacing the case’s open one); records ptp.created. The same clientId answers the first record.' })
  createPtp(@Arg('input', () => CreatePtpInput) input: CreatePtpInput, @Ctx() ctx: CollectionsContext) {
    return createPtp(ctx, input);
  }

  @Mutation(() => Ptp, { description: `Moves a promise on by hand: ${PTP_STATUSES.join(', ')} (pending → any; partially_kept → kept, broken, cancelled).` })
  updatePtpStatus(
    @Arg('ptpId', () => ID) ptpId: string,
    @Arg('status') status: string,
    @Ctx() ctx: CollectionsContext,
    @Arg('report', () => PtpStatusReportInput, { nullable: true }) report?: PtpStatusReportInput | null,
  ) {
    if (!(PTP_STATUSES as readonly string[]).includes(status)) throw badInput('status', `status must be one of ${PTP_STATUSES.join(', ')}`);
    return updatePtpStatus(ctx, ptpId, status as PtpStatus, report ?? {});
  }

  @FieldResolver(() => DecimalScalar)
  promiseAmount(@Root() ptp: Ptp) {
    return ptp.promiseAmount;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Repaid towards this promise so far.' })
  keptAmount(@Root() ptp: Ptp) {
    return ptp.keptAmount;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'What the collector reported as repaid when closing it.' })
  actualRepaymentAmount(@Root() ptp: Ptp) {
    return ptp.actualRepaymentAmount ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The case’s code.' })
  async caseCode(@Root() ptp: Ptp, @Ctx() ctx: CollectionsContext) {
    return (await caseOfWork(ctx).load(ptp.caseId))?.caseCode ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The debtor’s name.' })
  async debtorName(@Root() ptp: Ptp, @Ctx() ctx: CollectionsContext) {
    return (await caseOfWork(ctx).load(ptp.caseId))?.userName ?? null;
  }

  @FieldResolver(() => Int, { description: 'Days from today (the tenant’s calendar) to the promise date; negative once past.' })
  async daysUntilDue(@Root() ptp: Ptp, @Ctx() ctx: CollectionsContext) {
    return daysBetween(await tenantToday(ctx).load(ptp.tenantId), ptp.promiseDate);
  }

  @FieldResolver(() => TenantStub, { description: 'The tenant (its zone renders the times).' })
  tenant(@Root() ptp: Ptp): TenantStub {
    return { id: String(ptp.tenantId) };
  }
}

export const ptpRules = {
  Query: { casePtps: worksCases, myPtps: worksCases, duePtps: worksCases },
  Mutation: { createPtp: worksCases, updatePtpStatus: worksCases },
};
