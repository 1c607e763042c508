import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { LeadsContext } from '../leads.context';
import { Lead } from '../entities/lead.entity';
import * as leads from '../services/lead.service';
import { CreateLeadInput, LeadFilter, UpdateLeadInput } from './lead.inputs';
import { LeadPage, LeadsPageArgs } from './pages';
import { CreateLeadResult, DeleteLeadResult, UpdateLeadResult } from './results.types';

@Resolver()
export class LeadResolver {
  @Query(() => LeadPage, { description: 'The leads the caller may see (admin all, sales assigned, others registered), newest first.' })
  leads(
    @Args(() => LeadsPageArgs) paging: InstanceType<typeof LeadsPageArgs>,
    @Arg('filter', () => LeadFilter, { nullable: true }) filter: LeadFilter | undefined,
    @Ctx() ctx: LeadsContext,
  ) {
    return leads.listLeads(ctx, filter, paging.window());
  }

  @Query(() => Lead, { description: 'One lead the caller may see; any other is NOT_FOUND.' })
  lead(@Arg('id', () => ID) id: string, @Ctx() ctx: LeadsContext) {
    return leads.findVisibleLead(ctx, id);
  }

  @Mutation(() => CreateLeadResult, { description: 'Registers a lead (the caller is its registrant) and, unless asked not to, its first follow-up.' })
  createLead(@Arg('input') input: CreateLeadInput, @Ctx() ctx: LeadsContext) {
    return leads.createLead(ctx, input);
  }

  @Mutation(() => UpdateLeadResult, { description: 'Edits a lead; records a follow-up only when createFollowUp is true; endFollowup needs a reason.' })
  updateLead(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateLeadInput, @Ctx() ctx: LeadsContext) {
    return leads.updateLead(ctx, id, input);
  }

  @Mutation(() => DeleteLeadResult, { description: 'Deletes a lead with its follow-ups.' })
  deleteLead(@Arg('id', () => ID) id: string, @Ctx() ctx: LeadsContext) {
    return leads.deleteLead(ctx, id);
  }
}
