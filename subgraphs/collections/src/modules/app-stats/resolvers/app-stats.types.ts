import { DecimalScalar, type Decimal } from '@platform/kit';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { HourCount, KeyCount } from '../../dashboards/resolvers/dashboard.types';

/** A collector's figures of one local day (CCO app § 2.1 today_statistics, § 8.2). */
@ObjectType()
export class MyDayFigures {
  @Field({ description: 'YYYY-MM-DD in the agency’s zone.' })
  date!: string;

  @Field(() => Int, { description: 'Communications recorded that day.' })
  contactCount!: number;

  @Field(() => Int, { description: 'Of those, the ones that reached someone (接通 / connected / answered).' })
  effectiveContactCount!: number;

  @Field(() => Float, { description: 'effectiveContactCount / contactCount, two decimals; 0 without contacts.' })
  contactRate!: number;

  @Field(() => Int, { description: 'Promises to pay made that day.' })
  ptpCount!: number;

  @Field(() => DecimalScalar, { description: 'Confirmed repayments credited to the collector that day.' })
  collectedAmount!: Decimal;

  @Field(() => Int, { description: 'The collector’s cases settled that day.' })
  resolvedCases!: number;

  @Field(() => Float, { description: 'Hours from the first to the last communication of the day, one decimal.' })
  workingHours!: number;
}

@ObjectType({ description: 'One local day with its contacts per hour (CCO app § 8.2).' })
export class MyDailyStats extends MyDayFigures {
  @Field(() => [HourCount], { description: 'Hours (0–23, agency’s zone) with at least one communication, in order.' })
  hourlyDistribution!: HourCount[];
}

@ObjectType()
export class MyCaseStatistics {
  @Field(() => Int)
  totalCases!: number;

  @Field(() => Int)
  newCases!: number;

  @Field(() => Int)
  resolvedCases!: number;

  @Field(() => Float)
  resolutionRate!: number;
}

@ObjectType()
export class MyContactStatistics {
  @Field(() => Int)
  totalContacts!: number;

  @Field(() => Int)
  effectiveContacts!: number;

  @Field(() => Float)
  contactRate!: number;

  @Field(() => Int, { description: 'Mean seconds of the calls with a duration; 0 without any.' })
  averageCallDuration!: number;
}

@ObjectType()
export class MyPtpStatistics {
  @Field(() => Int)
  totalPtp!: number;

  @Field(() => Int)
  keptPtp!: number;

  @Field(() => Int)
  brokenPtp!: number;

  @Field(() => Int)
  pendingPtp!: number;

  @Field(() => Float, { description: 'keptPtp / totalPtp, two decimals.' })
  ptpKeptRate!: number;
}

@ObjectType()
export class MyCollectionStatistics {
  @Field(() => DecimalScalar)
  totalCollectedAmount!: Decimal;

  @Field(() => Float, { description: 'Collected / (collected + what the held cases owe now), two decimals.' })
  collectionRate!: number;

  @Field(() => DecimalScalar, { description: 'Collected / held cases, two decimals.' })
  averageCaseAmount!: Decimal;
}

@ObjectType()
export class MyWorkingTime {
  @Field(() => Float, { description: 'Sum of each day’s first-to-last communication span, one decimal.' })
  totalHours!: number;

  @Field(() => Float, { description: 'totalHours / days with communications, one decimal.' })
  averageDailyHours!: number;

  @Field(() => Float, { description: 'totalHours / the agency’s scheduled hours so far in the period, two decimals, at most 1.' })
  onlineRate!: number;
}

@ObjectType()
export class MyRanking {
  @Field(() => Int)
  teamRank!: number;

  @Field(() => Int)
  teamTotal!: number;

  @Field(() => Int)
  agencyRank!: number;

  @Field(() => Int)
  agencyTotal!: number;
}

@ObjectType({ description: 'A collector’s performance over a period (CCO app § 8.1).' })
export class MyPerformance {
  @Field({ description: 'today, week, month or custom.' })
  period!: string;

  @Field()
  startDate!: string;

  @Field()
  endDate!: string;

  @Field(() => MyCaseStatistics)
  caseStatistics!: MyCaseStatistics;

  @Field(() => MyContactStatistics)
  contactStatistics!: MyContactStatistics;

  @Field(() => MyPtpStatistics)
  ptpStatistics!: MyPtpStatistics;

  @Field(() => MyCollectionStatistics)
  collectionStatistics!: MyCollectionStatistics;

  @Field(() => MyWorkingTime)
  workingHours!: MyWorkingTime;

  @Field(() => MyRanking, { description: 'By collected amount in the period, among the team’s and the agency’s active collectors.' })
  ranking!: MyRanking;
}

@ObjectType({ description: 'The collector’s open cases by status, overdue days, amount and last contact (CCO app § 8.3).' })
export class MyCaseStats {
  @Field(() => Int)
  totalCases!: number;

  @Field(() => [KeyCount], { description: 'pending_repayment, partial_repayment, ptp_pending (status promised).' })
  byStatus!: KeyCount[];

  @Field(() => [KeyCount], { description: 'dpd_1_15 (up to 15 days), dpd_16_30, dpd_31_plus.' })
  byOverdueDays!: KeyCount[];

  @Field(() => [KeyCount], { description: 'Outstanding amount: under_5000, 5000_10000 (both ends included), over_10000.' })
  byAmount!: KeyCount[];

  @Field(() => [KeyCount], {
    description: 'never_contacted; contacted_today; last_contact_3_days (1–3 days ago); last_contact_7_days (4–7); last_contact_over_7_days.',
  })
  byContactStatus!: KeyCount[];
}

@ObjectType()
export class RankEntryView {
  @Field(() => Int)
  rank!: number;

  @Field(() => ID)
  collectorId!: string;

  @Field()
  collectorName!: string;

  @Field(() => DecimalScalar, { description: 'A count, or the collected amount.' })
  value!: Decimal;
}

@ObjectType({ description: 'A ranking of collectors (CCO app § 2.2).' })
export class CollectorRanking {
  @Field()
  type!: string;

  @Field()
  scope!: string;

  @Field()
  period!: string;

  @Field(() => Int, { description: 'How many are ranked.' })
  total!: number;

  @Field(() => RankEntryView)
  myRanking!: RankEntryView;

  @Field(() => [RankEntryView])
  top10!: RankEntryView[];
}

@ObjectType()
export class MyMonthFigures {
  @Field({ description: 'YYYY-MM.' })
  month!: string;

  @Field(() => Int)
  totalContactCount!: number;

  @Field(() => Int)
  totalPtpCount!: number;

  @Field(() => DecimalScalar)
  totalCollectedAmount!: Decimal;

  @Field(() => Int)
  totalResolvedCases!: number;

  @Field(() => Float, { nullable: true, description: 'The collector’s performance score (admin console), null when unset.' })
  performanceScore!: number | null;

  @Field(() => Int, { description: 'Rank in the team by collected amount this month.' })
  ranking!: number;
}

@ObjectType()
export class TodoCount {
  @Field({ description: 'follow_up, new_case or uncontacted.' })
  type!: string;

  @Field()
  title!: string;

  @Field(() => Int)
  count!: number;

  @Field({ description: 'high or medium.' })
  priority!: string;
}

@ObjectType()
export class AppActivity {
  @Field(() => Date)
  time!: Date;

  @Field({ description: 'communication, ptp or repayment.' })
  type!: string;

  @Field()
  content!: string;
}

@ObjectType({ description: 'The collector app’s home page (CCO app § 2.1); notifications come from activity.' })
export class MyDashboard {
  @Field(() => MyDayFigures)
  today!: MyDayFigures;

  @Field(() => MyMonthFigures)
  month!: MyMonthFigures;

  @Field(() => [TodoCount])
  todoList!: TodoCount[];

  @Field(() => [AppActivity], { description: 'The 10 newest communications, promises and repayments, newest first.' })
  recentActivities!: AppActivity[];
}

export const APP_STATS_TYPES = [
  MyDayFigures,
  MyDailyStats,
  MyCaseStatistics,
  MyContactStatistics,
  MyPtpStatistics,
  MyCollectionStatistics,
  MyWorkingTime,
  MyRanking,
  MyPerformance,
  MyCaseStats,
  RankEntryView,
  CollectorRanking,
  MyMonthFigures,
  TodoCount,
  AppActivity,
  MyDashboard,
];
