import { IsIn, Matches } from 'class-validator';
import { optionalField } from '@platform/kit';
import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { usesCollectorApp } from '../../tools/services/app-profile';
import { APP_PERIODS, type AppPeriod } from '../services/app-period';
import { myCaseStats } from '../services/my-cases';
import { myDailyStats } from '../services/my-day';
import { myDashboard } from '../services/my-dashboard';
import { myPerformance } from '../services/my-performance';
import { RANKING_SCOPES, RANKING_TYPES, type RankingScope, type RankingType } from '../services/ranking';
import { collectorRanking, RANKING_PERIODS, type RankingPeriod } from '../services/ranking-board';
import { CollectorRanking, MyCaseStats, MyDailyStats, MyDashboard, MyPerformance } from './app-stats.types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = (field: string, values: readonly string[]) => ({ message: `${field} must be one of ${values.join(', ')}` });

@ArgsType()
class PerformanceArgs {
  @Field(() => String, { defaultValue: 'month', description: 'today, week (Monday–Sunday), month or custom.' })
  @IsIn(APP_PERIODS, oneOf('period', APP_PERIODS))
  period!: AppPeriod;

  @optionalField(() => String, { description: 'YYYY-MM-DD; required for custom.' })
  @Matches(DATE, { message: 'startDate must be a date (YYYY-MM-DD)' })
  startDate?: string | null;

  @optionalField(() => String, { description: 'YYYY-MM-DD, inclusive; required for custom; at most a year after startDate.' })
  @Matches(DATE, { message: 'endDate must be a date (YYYY-MM-DD)' })
  endDate?: string | null;
}

@ArgsType()
class DailyArgs {
  @optionalField(() => String, { description: 'YYYY-MM-DD in the agency’s zone; default today.' })
  @Matches(DATE, { message: 'date must be a date (YYYY-MM-DD)' })
  date?: string | null;
}

@ArgsType()
class RankingArgs {
  @Field(() => String, { defaultValue: 'collected_amount', description: 'contact, ptp, collected_amount or resolution.' })
  @IsIn(RANKING_TYPES, oneOf('type', RANKING_TYPES))
  type!: RankingType;

  @Field(() => String, { defaultValue: 'team', description: 'team, agency or all (the tenant).' })
  @IsIn(RANKING_SCOPES, oneOf('scope', RANKING_SCOPES))
  scope!: RankingScope;

  @Field(() => String, { defaultValue: 'month', description: 'today, week or month.' })
  @IsIn(RANKING_PERIODS, oneOf('period', RANKING_PERIODS))
  period!: RankingPeriod;
}

/** The collector app's home page, ranking and statistics (CCO app § 2, § 8): the signed-in collector's own figures. */
@Resolver()
export class AppStatsResolver {
  @Query(() => MyDashboard, { description: 'Today’s and this month’s figures, to-dos and recent work of the signed-in collector.' })
  myDashboard(@Ctx() ctx: CollectionsContext): Promise<MyDashboard> {
    return myDashboard(ctx);
  }

  @Query(() => CollectorRanking, { description: 'The caller’s team, agency or tenant ranked by a figure over a period.' })
  collectorRanking(@Args(() => RankingArgs) args: RankingArgs, @Ctx() ctx: CollectionsContext): Promise<CollectorRanking> {
    return collectorRanking(ctx, args.type, args.scope, args.period);
  }

  @Query(() => MyPerformance, { description: 'The signed-in collector’s performance over a period.' })
  myPerformance(@Args(() => PerformanceArgs) args: PerformanceArgs, @Ctx() ctx: CollectionsContext): Promise<MyPerformance> {
    return myPerformance(ctx, args.period, args);
  }

  @Query(() => MyDailyStats, { description: 'The signed-in collector’s figures of one day with contacts per hour.' })
  myDailyStats(@Args(() => DailyArgs) args: DailyArgs, @Ctx() ctx: CollectionsContext): Promise<MyDailyStats> {
    return myDailyStats(ctx, args.date);
  }

  @Query(() => MyCaseStats, { description: 'The signed-in collector’s open cases in bands.' })
  myCaseStats(@Ctx() ctx: CollectionsContext): Promise<MyCaseStats> {
    return myCaseStats(ctx);
  }
}

export const appStatsRules = {
  Query: { myDashboard: usesCollectorApp, collectorRanking: usesCollectorApp, myPerformance: usesCollectorApp, myDailyStats: usesCollectorApp, myCaseStats: usesCollectorApp },
};
