import { IsInt, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/** One day of an agency's week (CCO admin § 13.3). */
@InputType()
export class WorkingDayInput {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday.' })
  @IsInt()
  @Min(1, { message: 'dayOfWeek must be 1 (Monday) to 7 (Sunday)' })
  @Max(7, { message: 'dayOfWeek must be 1 (Monday) to 7 (Sunday)' })
  dayOfWeek!: number;

  @Field({ description: 'HH:mm or HH:mm:ss.' })
  @Matches(TIME, { message: 'startTime must be a time like 09:00:00' })
  startTime!: string;

  @Field({ description: 'HH:mm or HH:mm:ss, after startTime.' })
  @Matches(TIME, { message: 'endTime must be a time like 18:00:00' })
  endTime!: string;

  @Field()
  isWorkingDay!: boolean;
}
