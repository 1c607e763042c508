import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN, NotBlank, OptionalText, optionalField, stacked } from '@platform/kit';
import { Field, ID, InputType } from 'type-graphql';
import { INTENTION_LEVELS } from '../entities/intention-level';

const LEVEL_MESSAGE = 'intentionLevel must be 高, 中 or 低';
const DATE_MESSAGE = 'dealDate must be a date like 2024-06-02';

const Level = (required: boolean) =>
  stacked(
    required ? Field({ description: '高, 中 or 低.' }) : optionalField(() => String, { description: '高, 中 or 低.' }),
    IsIn([...INTENTION_LEVELS], { message: LEVEL_MESSAGE }),
  );
const LocalTime = (description: string) =>
  stacked(optionalField(() => String, { description: `${description} \`2024-06-01 10:00:00\` (the tenant's zone) or ISO 8601.` }), MaxLength(40));
const DealDate = () => stacked(optionalField(() => String, { description: 'yyyy-MM-dd.' }), Matches(/^\d{4}-\d\d-\d\d$/, { message: DATE_MESSAGE }));
const UserId = (name: string, required: boolean) =>
  stacked(
    required ? Field(() => ID) : optionalField(() => ID),
    Matches(ID_PATTERN, { message: `${name} must be a user id` }),
  );

/** A follow-up's own fields, shared by addFollowUp and the follow-up a lead edit may record. */
@InputType('FollowUpFields', { description: 'The fields of a follow-up.' })
abstract class FollowUpFields {
  @LocalTime('When; default now.')
  followUpTime?: string;

  @OptionalText(50)
  followUpMethod?: string;

  @OptionalText(200)
  followUpResult?: string;
}

@InputType()
export class CreateLeadInput extends FollowUpFields {
  @Field()
  @NotBlank()
  @MaxLength(100)
  customerNickname!: string;

  @OptionalText(50)
  sourcePlatform?: string;

  @OptionalText(100)
  sourceAccount?: string;

  @OptionalText(100)
  contactAccount?: string;

  @LocalTime('When the lead came in; default now.')
  leadTime?: string;

  @optionalField(() => Boolean)
  isContacted?: boolean;

  @Level(true)
  intentionLevel!: string;

  @optionalField(() => Boolean)
  isDeal?: boolean;

  @DealDate()
  dealDate?: string;

  @UserId('followerId', true)
  followerId!: string;

  @Field({ defaultValue: true, description: 'Record the first follow-up (followUpContent) with the lead.' })
  createFollowUp: boolean = true;

  @OptionalText(10_000, { description: 'Required unless createFollowUp is false.' })
  followUpContent?: string;
}

@InputType()
export class UpdateLeadInput extends FollowUpFields {
  @optionalField(() => String)
  @NotBlank()
  @MaxLength(100)
  customerNickname?: string;

  @OptionalText(50)
  sourcePlatform?: string;

  @OptionalText(100)
  sourceAccount?: string;

  @OptionalText(100)
  contactAccount?: string;

  @LocalTime('When the lead came in.')
  leadTime?: string;

  @optionalField(() => Boolean)
  isContacted?: boolean;

  @Level(false)
  intentionLevel?: string;

  @optionalField(() => Boolean)
  isDeal?: boolean;

  @DealDate()
  dealDate?: string | null;

  @UserId('followerId', false)
  followerId?: string;

  @Field({ defaultValue: false, description: 'Record a follow-up (followUpContent required) with the edit.' })
  createFollowUp: boolean = false;

  @OptionalText(10_000)
  followUpContent?: string;

  @optionalField(() => Boolean, { description: 'true ends following the lead up (endFollowupReason required).' })
  endFollowup?: boolean;

  @OptionalText(500)
  endFollowupReason?: string;
}

@InputType()
export class AddFollowUpInput extends FollowUpFields {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: 'leadId must be a lead id' })
  leadId!: string;

  @Field()
  @NotBlank()
  @MaxLength(10_000)
  content!: string;

  @OptionalText(100, { description: "Who followed up; default the caller's login." })
  followUpPerson?: string;
}

@InputType()
export class LeadFilter {
  @Level(false)
  intentionLevel?: string;

  @optionalField(() => Boolean)
  isDeal?: boolean;

  @optionalField(() => Boolean)
  isContacted?: boolean;

  @OptionalText(100, { description: 'Contained in the nickname, the contact or the source account.' })
  keyword?: string;

  @OptionalText(100)
  customerNickname?: string;

  @optionalField(() => String, { description: 'yyyy-MM-dd: leads that came in on or after that day (tenant zone).' })
  @IsOptional()
  @Matches(/^\d{4}-\d\d-\d\d$/, { message: 'dateFrom must be a date like 2024-06-01' })
  dateFrom?: string;

  @optionalField(() => String, { description: 'yyyy-MM-dd: leads that came in on or before that day.' })
  @Matches(/^\d{4}-\d\d-\d\d$/, { message: 'dateTo must be a date like 2024-06-30' })
  dateTo?: string;
}
