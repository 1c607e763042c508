import { IsInt, Max, Min } from 'class-validator';
import { OptionalText } from '@platform/kit';
import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { Communication } from '../entities/communication.entity';
import { QualityInspection } from '../entities/quality-inspection.entity';
import { caseCommunications, CommunicationPage, recordCommunication } from '../services/communication.service';
import { inspectCommunication } from '../services/quality.service';
import { reviewsCases, worksCases } from './work.rules';
import { CaseCommunicationsArgs, RecordCommunicationInput } from './work.inputs';

@ArgsType()
class InspectArgs {
  @Field(() => ID)
  communicationId!: string;

  @Field(() => Int, { description: '0–100: 优秀 ≥ 90, 良好 ≥ 75, 一般 ≥ 60, else 较差.' })
  @IsInt()
  @Min(0)
  @Max(100)
  score!: number;

  @OptionalText(1000)
  comments?: string;
}

@Resolver(() => Communication)
export class CommunicationResolver {
  @Query(() => CommunicationPage, { description: 'A case’s communications, newest first; a case out of reach is NOT_FOUND.' })
  caseCommunications(@Args(() => CaseCommunicationsArgs) args: CaseCommunicationsArgs, @Ctx() ctx: CollectionsContext) {
    return caseCommunications(ctx, args.caseId, args.window());
  }

  @Mutation(() => Communication, { description: 'Records a contact on a case in reach; moves the case’s last contact and the caller’s last activity.' })
  async recordCommunication(@Arg('input', () => RecordCommunicationInput) input: RecordCommunicationInput, @Ctx() ctx: CollectionsContext) {
    return (await recordCommunication(ctx, input)).communication;
  }

  @Mutation(() => QualityInspection, { description: 'Scores a communication (质检).' })
  inspectCommunication(@Args(() => InspectArgs) args: InspectArgs, @Ctx() ctx: CollectionsContext) {
    return inspectCommunication(ctx, args.communicationId, args.score, args.comments);
  }
}

export const communicationRules = {
  Query: { caseCommunications: worksCases },
  Mutation: { recordCommunication: worksCases, inspectCommunication: reviewsCases },
};
