import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { LeadsContext } from '../leads.context';
import { FollowUp } from '../entities/follow-up.entity';
import * as followUps from '../services/follow-up.service';
import { AddFollowUpInput } from './lead.inputs';
import { FollowUpPage, FollowUpsArgs } from './pages';

@Resolver()
export class FollowUpResolver {
  @Query(() => FollowUpPage, { description: "A visible lead's follow-ups, newest first by follow-up time." })
  followUps(@Args() args: FollowUpsArgs, @Ctx() ctx: LeadsContext) {
    return followUps.listFollowUps(ctx, args.leadId, args.window());
  }

  @Mutation(() => FollowUp, { description: 'Records a follow-up of a visible lead; the lead is then no longer due.' })
  addFollowUp(@Arg('input') input: AddFollowUpInput, @Ctx() ctx: LeadsContext) {
    return followUps.addFollowUp(ctx, input);
  }
}
