import { DecimalScalar, type Decimal } from '@platform/kit';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** A team's numbers (CCO admin § 5.4 `statistics`), counted in SQL. */
@ObjectType()
export class TeamStatistics {
  @Field(() => Int)
  totalCollectors!: number;

  @Field(() => Int, { description: 'Cases assigned to the team, any status.' })
  totalCases!: number;

  @Field(() => Int, { description: 'Of those, settled or closed.' })
  resolvedCases!: number;

  @Field(() => Float, { description: 'resolvedCases / totalCases, two decimals; 0 without cases.' })
  resolutionRate!: number;
}

/**
 * A collector's results over all their cases (CCO admin § 6.4 `performance`); the dashboards' `CollectorPerformance`
 * is one month's.
 */
@ObjectType('CollectorResults')
export class CollectorPerformance {
  @Field(() => Int, { description: 'Cases assigned to the collector, any status.' })
  totalCases!: number;

  @Field(() => Int, { description: 'Of those, settled or closed.' })
  resolvedCases!: number;

  @Field(() => Float, { description: 'resolvedCases / totalCases, two decimals.' })
  resolutionRate!: number;

  @Field(() => DecimalScalar, { description: 'Sum of the repayments credited to the collector.' })
  totalCollectedAmount!: Decimal;

  @Field(() => Float, { description: 'Communications that reached someone (接通 / connected) / all communications, two decimals.' })
  contactRate!: number;
}

/** One day of a collector's work (CCO admin § 6.4 `recent_activities`). */
@ObjectType()
export class CollectorDay {
  @Field({ description: 'YYYY-MM-DD in the agency’s time zone.' })
  date!: string;

  @Field(() => Int)
  contactCount!: number;

  @Field(() => Int)
  ptpCount!: number;

  @Field(() => DecimalScalar, { description: 'Exact: the confirmed repayments credited to the collector that day.' })
  collectedAmount!: Decimal;
}

/** One day of an agency's week as configured, or the default when it has none (CCO admin § 13.3). */
@ObjectType()
export class WorkingDay {
  @Field(() => ID, { nullable: true, description: 'null for a default day (nothing configured).' })
  id!: string | null;

  @Field(() => String)
  agencyId!: string;

  @Field(() => Int, { description: '1 = Monday … 7 = Sunday.' })
  dayOfWeek!: number;

  @Field()
  startTime!: string;

  @Field()
  endTime!: string;

  @Field()
  isWorkingDay!: boolean;
}

export const rate = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 100) / 100);
