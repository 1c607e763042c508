import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { optionalField, PageArgs } from '@platform/kit';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IntRange, MoneyRange, SortOrder } from '../../cases/resolvers/case.inputs';

/** The app's status groups (CCO app § 3.1 `status`), each a set of case statuses. */
export enum MyCaseStatus {
  pending = 'pending',
  in_progress = 'in_progress',
  resolved = 'resolved',
}
registerEnumType(MyCaseStatus, { name: 'MyCaseStatus', description: 'pending: pending_repayment; in_progress: promised, partial_repayment; resolved: settled, closed, written_off.' });

export enum MyCasePriority {
  high = 'high',
  medium = 'medium',
  low = 'low',
}
registerEnumType(MyCasePriority, { name: 'MyCasePriority', description: 'high: high and urgent cases; medium: normal; low: low.' });

/** The app's quick filters (CCO app § 3.3). */
export enum QuickFilter {
  today_assigned = 'today_assigned',
  never_contacted = 'never_contacted',
  need_follow_up = 'need_follow_up',
  high_priority = 'high_priority',
  long_overdue = 'long_overdue',
  high_amount = 'high_amount',
  recently_contacted = 'recently_contacted',
}
registerEnumType(QuickFilter, { name: 'QuickFilter' });

export enum MyCaseSortField {
  overdue_days = 'overdueDays',
  outstanding_amount = 'outstandingAmount',
  last_contact_at = 'lastContactAt',
}
registerEnumType(MyCaseSortField, { name: 'MyCaseSortField' });

@InputType({ description: 'The collector app’s case filters (§ 3.1, § 3.3, § 3.4); all combine with AND.' })
export class MyCaseFilter {
  @Field(() => MyCaseStatus, { nullable: true })
  status?: MyCaseStatus | null;

  @Field(() => MyCasePriority, { nullable: true })
  priority?: MyCasePriority | null;

  @Field(() => IntRange, { nullable: true })
  overdueDays?: IntRange | null;

  @Field(() => MoneyRange, { nullable: true })
  outstandingAmount?: MoneyRange | null;

  @optionalField(() => Int, { description: 'Cases not contacted for at least this many days (never contacted included).' })
  @IsInt()
  @Min(0)
  @Max(36_500)
  lastContactDays?: number;

  @Field(() => Boolean, { nullable: true, description: 'true: cases with an open (pending) promise to pay; false: without.' })
  hasPtp?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Cases whose case code, debtor name or mobile (as stored, e.g. +63-917) starts with it.' })
  @IsOptional()
  @MaxLength(64)
  search?: string | null;

  @Field(() => [String], { nullable: true, description: 'Cases carrying every one of these tags.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @MaxLength(50, { each: true })
  caseTags?: string[] | null;

  @Field(() => QuickFilter, { nullable: true })
  quickFilter?: QuickFilter | null;
}

@InputType()
export class MyCaseSort {
  @Field(() => MyCaseSortField)
  field!: MyCaseSortField;

  @Field(() => SortOrder, { defaultValue: SortOrder.desc })
  order!: SortOrder;
}

/** CCO 通用说明 · 分页参数: 20 a page by default, at most 100. */
export const MyCasesPageArgs = PageArgs({ size: 20, max: 100 });

@ArgsType()
export class MyCasesArgs extends MyCasesPageArgs {
  @Field(() => MyCaseFilter, { nullable: true })
  filter?: MyCaseFilter | null;

  @Field(() => MyCaseSort, { nullable: true, description: 'Default: most overdue first (then newest).' })
  sort?: MyCaseSort | null;
}

@ArgsType()
export class MyCaseCommunicationsArgs extends MyCasesPageArgs {
  @Field(() => ID)
  caseId!: string;

  @optionalField(() => String, { description: 'phone, whatsapp, sms, email or visit.' })
  @MaxLength(16)
  contactMethod?: string;

  @optionalField(() => String)
  @MaxLength(32)
  contactResult?: string;
}

@ArgsType()
export class MyCaseChangesArgs {
  @optionalField(() => String, { description: 'The cursor the previous answer gave; none: from the beginning.' })
  @MaxLength(200)
  cursor?: string;

  @Field(() => Int, { nullable: true, defaultValue: 100, description: 'At most 500.' })
  @IsOptional()
  @Min(1)
  @Max(500)
  limit?: number | null;
}
