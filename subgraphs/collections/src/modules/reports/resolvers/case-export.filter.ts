import { IsIn, IsOptional, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { CASE_STATUSES } from '../../cases/entities/case-status';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Which time `from`/`to` bound: when the case reached the platform (default) or when it was last assigned. */
export enum CaseDateField {
  createdAt = 'createdAt',
  assignedAt = 'assignedAt',
}
registerEnumType(CaseDateField, { name: 'CaseDateField' });

/** The cases an export holds (CCO admin § 12.1 `filters`), always within the caller's data scope. */
@InputType()
export class CaseExportFilter {
  @Field(() => ID, { nullable: true })
  queueId?: string;

  @Field(() => ID, { nullable: true })
  agencyId?: string;

  @Field(() => ID, { nullable: true })
  teamId?: string;

  @Field(() => ID, { nullable: true })
  collectorId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `caseStatus must be one of ${CASE_STATUSES.join(', ')}` })
  caseStatus?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100_000)
  overdueDaysMin?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100_000)
  overdueDaysMax?: number;

  @Field(() => CaseDateField, { nullable: true, description: 'The time `startDate`/`endDate` bound; createdAt unless given.' })
  dateField?: CaseDateField;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD in `zone`, inclusive.' })
  @IsOptional()
  @Matches(DAY, { message: 'startDate must be YYYY-MM-DD' })
  startDate?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD in `zone`, inclusive.' })
  @IsOptional()
  @Matches(DAY, { message: 'endDate must be YYYY-MM-DD' })
  endDate?: string;
}
