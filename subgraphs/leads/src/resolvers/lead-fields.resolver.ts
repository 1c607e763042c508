import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LeadsContext } from '../leads.context';
import { FollowUp } from '../entities/follow-up.entity';
import { Lead } from '../entities/lead.entity';
import { UserStub } from '../entities/user.stub';
import { latestFollowUp } from '../loaders/latest-follow-up.loader';

/** A lead's relations: users are references the router resolves at identity (batched there), follow-ups by loader. */
@Resolver(() => Lead)
export class LeadFieldsResolver {
  @FieldResolver(() => UserStub, { description: 'The sales user following the lead up (002 current_follower).' })
  follower(@Root() lead: Lead): UserStub {
    return { id: lead.followerId };
  }

  @FieldResolver(() => UserStub, { description: 'Who registered the lead (002 follow_up_person).' })
  registrant(@Root() lead: Lead): UserStub {
    return { id: lead.registrantId };
  }

  @FieldResolver(() => FollowUp, { nullable: true, description: 'The latest follow-up by follow-up time.' })
  latestFollowUp(@Root() lead: Lead, @Ctx() ctx: LeadsContext) {
    return latestFollowUp(ctx).load(lead.id);
  }
}

@Resolver(() => FollowUp)
export class FollowUpFieldsResolver {
  @FieldResolver(() => UserStub, { description: 'The user who recorded the follow-up.' })
  recordedBy(@Root() followUp: FollowUp): UserStub {
    return { id: followUp.recordedById };
  }
}
