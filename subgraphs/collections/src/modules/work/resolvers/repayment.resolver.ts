import { DecimalScalar } from '@platform/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { TenantStub } from '../../org/entities/tenant.stub';
import { Repayment } from '../entities/repayment.entity';
import type { RepaymentOutcome } from '../services/apply-repayment';
import { confirmRepayment, recordOfflineRepayment } from '../services/offline-repayment.service';
import { caseRepaymentHistory, caseRepayments, recordRepayment } from '../services/repayment.service';
import { OfflineRepaymentInput } from './offline-repayment.input';
import { RepaymentHistory } from './repayment-history.types';
import { CaseRepaymentHistoryArgs, RecordRepaymentInput } from './work.inputs';
import { reviewsCases, worksCases } from './work.rules';

@ObjectType({ description: 'What applying a repayment did (a repeated repaymentId answers the first application).' })
export class RepaymentResult {
  @Field(() => Repayment)
  repayment!: Repayment;

  @Field({ description: 'True when this repaymentId had been applied before: nothing changed this time.' })
  duplicate!: boolean;
}

@Resolver(() => Repayment)
export class RepaymentResolver {
  @Query(() => [Repayment], { description: 'A case’s repayments, newest first; a case out of reach is NOT_FOUND.' })
  caseRepayments(@Arg('caseId', () => ID) caseId: string, @Ctx() ctx: CollectionsContext) {
    return caseRepayments(ctx, caseId);
  }

  @Query(() => RepaymentHistory, { description: 'A page of a case’s repayments, newest first, with the confirmed total; an unknown case is NOT_FOUND, one outside the caller’s scope FORBIDDEN.' })
  caseRepaymentHistory(@Args(() => CaseRepaymentHistoryArgs) args: CaseRepaymentHistoryArgs, @Ctx() ctx: CollectionsContext) {
    return caseRepaymentHistory(ctx, args.caseId, args.window());
  }

  @Mutation(() => Repayment, {
    description:
      'The collector app’s offline repayment: recorded pending (confirmed false) on a case in reach, applied once an ' +
      'administrator confirms it. The same clientId on the same case answers the first record.',
  })
  reportOfflineRepayment(@Arg('input', () => OfflineRepaymentInput) input: OfflineRepaymentInput, @Ctx() ctx: CollectionsContext) {
    return recordOfflineRepayment(ctx, input);
  }

  @Mutation(() => RepaymentResult, { description: 'Confirms a pending offline repayment and applies it (amounts, status, open PTP, notice); a confirmed one changes nothing.' })
  confirmRepayment(@Arg('repaymentId', () => ID) repaymentId: string, @Ctx() ctx: CollectionsContext): Promise<RepaymentOutcome> {
    return confirmRepayment(ctx, repaymentId);
  }

  @Mutation(() => RepaymentResult, { description: 'Records an offline repayment on a case in reach and applies it (amounts, status, open PTP, notice).' })
  recordRepayment(@Arg('input', () => RecordRepaymentInput) input: RecordRepaymentInput, @Ctx() ctx: CollectionsContext): Promise<RepaymentOutcome> {
    return recordRepayment(ctx, input);
  }

  @FieldResolver(() => DecimalScalar)
  repaymentAmount(@Root() repayment: Repayment) {
    return repayment.repaymentAmount;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'The case’s outstanding amount right after this repayment.' })
  outstandingAfter(@Root() repayment: Repayment) {
    return repayment.outstandingAfter ?? null;
  }

  @FieldResolver(() => TenantStub, { description: 'The tenant (its zone renders the times).' })
  tenant(@Root() repayment: Repayment): TenantStub {
    return { id: String(repayment.tenantId) };
  }
}

export const repaymentRules = {
  Query: { caseRepayments: worksCases, caseRepaymentHistory: worksCases },
  Mutation: { recordRepayment: worksCases, reportOfflineRepayment: worksCases, confirmRepayment: reviewsCases },
};
