import { IsIn, IsOptional, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The work logs to export: worklogs' WorkLogFilterInput, checked here so a bad date fails the request, not the task. */
@InputType()
export class WorkLogExportFilter {
  @Field(() => ID, { nullable: true })
  employeeId?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD, inclusive' })
  @IsOptional()
  @Matches(DAY, { message: 'startDate must be YYYY-MM-DD' })
  startDate?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD, inclusive' })
  @IsOptional()
  @Matches(DAY, { message: 'endDate must be YYYY-MM-DD' })
  endDate?: string;

  @Field({ nullable: true, description: 'completed | in_progress | pending' })
  @IsOptional()
  @IsIn(['completed', 'in_progress', 'pending'])
  completionStatus?: string;
}
