import { Decimal, DecimalScalar, PageType } from '@platform/kit';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A collector’s month (CCO admin § 11.4). Rates are fractions with two decimals (0.90 = 90 %).' })
export class CollectorPerformance {
  @Field(() => ID)
  collectorId!: string;

  @Field(() => String)
  collectorName!: string;

  @Field(() => String, { description: 'YYYY-MM.' })
  month!: string;

  @Field(() => Int, { description: 'Cases held (assigned before the month ended, not settled before it began).' })
  totalCases!: number;

  @Field(() => Int, { description: 'Distinct cases with a communication by the collector in the month.' })
  contactedCases!: number;

  @Field(() => Int, { description: 'Held cases settled in the month.' })
  resolvedCases!: number;

  @Field(() => Float)
  contactRate!: number;

  @Field(() => Float)
  resolutionRate!: number;

  @Field(() => DecimalScalar, { description: 'Exact SUM of the confirmed repayments credited to the collector in the month.' })
  totalCollectedAmount!: Decimal;

  @Field(() => Float, { description: 'Of the promises due in the month and decided: kept / (kept + partially kept + broken).' })
  ptpKeptRate!: number;
}

export const CollectorPerformancePage = PageType(CollectorPerformance);
