import { IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ID_PATTERN, NotBlank, optionalField, stacked } from '@platform/kit';
import { CompletionStatus } from '../entities';

const TEXT_MAX = 10_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = (field: string) => ({ message: `${field} must be a date (YYYY-MM-DD)` });

/** Free text of a log: optional, up to 10,000 characters; null clears it on update. */
const LogText = () => stacked(optionalField(() => String), MaxLength(TEXT_MAX));
const Rating = (description: string) => stacked(optionalField(() => Int, { description }), Min(1), Max(5));

@InputType()
export class CreateWorkLogInput {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (UTC); default today; a future date is refused.' })
  @IsOptional()
  @Matches(DAY_PATTERN, DAY_MESSAGE('logDate'))
  logDate?: string | null;

  @Field()
  @NotBlank()
  @MaxLength(TEXT_MAX)
  workContent!: string;

  @Field(() => CompletionStatus, { nullable: true, defaultValue: CompletionStatus.completed })
  completionStatus?: CompletionStatus | null;

  @LogText()
  problemsEncountered?: string | null;

  @LogText()
  tomorrowPlan?: string | null;

  @Rating('1–5')
  selfRating?: number | null;
}

/** Absent fields stay unchanged; null clears the optional texts and the self rating. */
@InputType()
export class UpdateWorkLogInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @NotBlank()
  @MaxLength(TEXT_MAX)
  workContent?: string | null;

  @Field(() => CompletionStatus, { nullable: true })
  completionStatus?: CompletionStatus | null;

  @LogText()
  problemsEncountered?: string | null;

  @LogText()
  tomorrowPlan?: string | null;

  @Rating('1–5')
  selfRating?: number | null;
}

@InputType()
export class RateWorkLogInput {
  @Field(() => Int, { description: '1–5' })
  @Min(1)
  @Max(5)
  supervisorRating!: number;

  @LogText()
  supervisorComment?: string | null;
}

/** The list's filters, shared with the export's pages. */
@InputType()
export class WorkLogFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'employeeId must be a user id' })
  employeeId?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive' })
  @IsOptional()
  @Matches(DAY_PATTERN, DAY_MESSAGE('startDate'))
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive' })
  @IsOptional()
  @Matches(DAY_PATTERN, DAY_MESSAGE('endDate'))
  endDate?: string | null;

  @Field(() => CompletionStatus, { nullable: true })
  completionStatus?: CompletionStatus | null;
}
