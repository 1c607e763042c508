import { Field, ID, Int, ObjectType } from 'type-graphql';
import { FollowUp } from '../entities/follow-up.entity';
import { Lead } from '../entities/lead.entity';

@ObjectType()
export class CreateLeadResult {
  @Field(() => Lead)
  lead!: Lead;

  @Field(() => FollowUp, { nullable: true, description: 'The first follow-up, unless createFollowUp was false.' })
  followUp?: FollowUp | null;
}

@ObjectType()
export class UpdateLeadResult {
  @Field(() => Lead)
  lead!: Lead;

  @Field(() => FollowUp, { nullable: true, description: 'The follow-up recorded with the edit, when asked.' })
  followUp?: FollowUp | null;
}

@ObjectType()
export class DeleteLeadResult {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'How many follow-ups were deleted with the lead.' })
  deletedFollowUps!: number;
}

@ObjectType()
export class OverdueLead {
  @Field(() => ID)
  leadId!: string;

  @Field()
  customerNickname!: string;

  @Field()
  intentionLevel!: string;

  @Field(() => Date, { description: 'The latest follow-up time, or the lead time when it has none.' })
  lastFollowUpTime!: Date;

  @Field({ description: 'Who followed up last (the registrant id when nobody has).' })
  followUpPerson!: string;

  @Field(() => Int, { description: 'Whole days since the last follow-up.' })
  overdueDays!: number;

  @Field(() => Int, { description: "The level's interval." })
  configDays!: number;
}

@ObjectType()
export class ReminderCheck {
  @Field(() => Int)
  overdueCount!: number;

  @Field(() => [OverdueLead])
  overdueList!: OverdueLead[];

  @Field(() => [String], { description: 'Who the reminder was e-mailed to (none configured: nobody, nothing sent).' })
  emailList!: string[];

  @Field({ description: "The tenant's zone, in which lastFollowUpTime reads as 002 shows it." })
  timeZone!: string;
}
