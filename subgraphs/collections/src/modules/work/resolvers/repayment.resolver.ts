import { DecimalScalar } from '@platform/kit';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { Repayment } from '../entities/repayment.entity';
import type { RepaymentOutcome } from '../services/apply-repayment';
import { caseRepayments, recordRepayment } from '../services/repayment.service';
import { RecordRepaymentInput } from './work.inputs';
import { worksCases } from './work.rules';

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
}

export const repaymentRules = {
  Query: { caseRepayments: worksCases },
  Mutation: { recordRepayment: worksCases },
};
