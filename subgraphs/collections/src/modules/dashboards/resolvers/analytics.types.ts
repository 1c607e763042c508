import { Decimal, DecimalScalar } from '@platform/kit';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Cases of one queue or agency (current assignment).' })
export class CaseGroupFigures {
  @Field(() => ID, { nullable: true, description: 'null: cases in no queue / agency.' })
  id!: string | null;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Int)
  caseCount!: number;

  @Field(() => Int, { description: 'Cases still worked (pending, partially repaid, promised).' })
  openCases!: number;

  @Field(() => DecimalScalar, { description: 'Exact SUM of the outstanding amounts.' })
  outstandingAmount!: Decimal;

  @Field(() => DecimalScalar, { nullable: true, description: 'Exact SUM of confirmed repayments in the range; null by queue (a repayment names no queue).' })
  collectedAmount!: Decimal | null;
}

@ObjectType({ description: 'Multi-dimensional figures of a date range (CCO admin § 11.5; fields chosen in the adapter’s description).' })
export class DashboardAnalytics {
  @Field(() => String)
  dateFrom!: string;

  @Field(() => String)
  dateTo!: string;

  @Field(() => Int)
  totalCases!: number;

  @Field(() => Int)
  openCases!: number;

  @Field(() => DecimalScalar)
  outstandingAmount!: Decimal;

  @Field(() => DecimalScalar)
  collectedAmount!: Decimal;

  @Field(() => Int)
  communications!: number;

  @Field(() => Int, { description: 'Distinct cases with a communication in the range.' })
  contactedCases!: number;

  @Field(() => Float, { description: 'contactedCases / openCases, two decimals.' })
  contactRate!: number;

  @Field(() => Int, { description: 'Promises made in the range.' })
  ptpCount!: number;

  @Field(() => DecimalScalar)
  ptpAmount!: Decimal;

  @Field(() => Float, { description: 'Distinct cases with a promise made in the range / contactedCases, two decimals.' })
  ptpRate!: number;

  @Field(() => Float, { description: 'Of the promises due in the range and decided: kept / (kept + partially kept + broken).' })
  ptpKeptRate!: number;

  @Field(() => [CaseGroupFigures])
  byQueue!: CaseGroupFigures[];

  @Field(() => [CaseGroupFigures])
  byAgency!: CaseGroupFigures[];
}
