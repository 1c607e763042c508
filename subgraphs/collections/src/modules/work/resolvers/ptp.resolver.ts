import { badInput, DecimalScalar } from '@platform/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { Ptp, PTP_STATUSES, type PtpStatus } from '../entities/ptp.entity';
import { casePtps, createPtp, updatePtpStatus } from '../services/ptp.service';
import { CreatePtpInput } from './work.inputs';
import { worksCases } from './work.rules';

@Resolver(() => Ptp)
export class PtpResolver {
  @Query(() => [Ptp], { description: 'A case’s promises to pay, newest first; a case out of reach is NOT_FOUND.' })
  casePtps(@Arg('caseId', () => ID) caseId: string, @Ctx() ctx: CollectionsContext) {
    return casePtps(ctx, caseId);
  }

  @Mutation(() => Ptp, { description: 'Records a promise to pay (replacing the case’s open one); records ptp.created.' })
  createPtp(@Arg('input', () => CreatePtpInput) input: CreatePtpInput, @Ctx() ctx: CollectionsContext) {
    return createPtp(ctx, input);
  }

  @Mutation(() => Ptp, { description: `Moves a promise on by hand: ${PTP_STATUSES.join(', ')} (pending → any; partially_kept → kept, broken, cancelled).` })
  updatePtpStatus(@Arg('ptpId', () => ID) ptpId: string, @Arg('status') status: string, @Ctx() ctx: CollectionsContext) {
    if (!(PTP_STATUSES as readonly string[]).includes(status)) throw badInput('status', `status must be one of ${PTP_STATUSES.join(', ')}`);
    return updatePtpStatus(ctx, ptpId, status as PtpStatus);
  }

  @FieldResolver(() => DecimalScalar)
  promiseAmount(@Root() ptp: Ptp) {
    return ptp.promiseAmount;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Repaid towards this promise so far.' })
  keptAmount(@Root() ptp: Ptp) {
    return ptp.keptAmount;
  }
}

export const ptpRules = {
  Query: { casePtps: worksCases },
  Mutation: { createPtp: worksCases, updatePtpStatus: worksCases },
};
