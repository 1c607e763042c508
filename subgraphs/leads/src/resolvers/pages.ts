import { PageArgs, PageType } from '@platform/kit';
import { ArgsType, Field, ID } from 'type-graphql';
import { Matches } from 'class-validator';
import { ID_PATTERN } from '@platform/kit';
import { FollowUp } from '../entities/follow-up.entity';
import { Lead } from '../entities/lead.entity';

export const LeadPage = PageType(Lead);
export const FollowUpPage = PageType(FollowUp);

/** 002's paging: 20 a page by default, at most 100. */
export const LeadsPageArgs = PageArgs({ size: 20, max: 100 });

@ArgsType()
export class FollowUpsArgs extends LeadsPageArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: 'leadId must be a lead id' })
  leadId!: string;
}
