import { can } from '@platform/kit';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { communicationStats, ptpStats, qualityInspectionStats } from '../services/daily-stats.service';
import { DashboardArgs, orgFilter } from './dashboard.args';
import { CommunicationStats, PtpStats, QualityInspectionStats } from './dashboard.types';

const filterOf = (args: DashboardArgs) => ({ date: args.date, ...orgFilter(args) });

/** The daily dashboards (CCO admin § 11.1–11.3), counted in SQL inside the caller's scope. */
@Resolver()
export class DailyStatsResolver {
  @Query(() => CommunicationStats, { description: 'Communications of a local day: by method, result and hour.' })
  communicationStats(@Args(() => DashboardArgs) args: DashboardArgs, @Ctx() ctx: CollectionsContext): Promise<CommunicationStats> {
    return communicationStats(ctx, filterOf(args));
  }

  @Query(() => PtpStats, { description: 'Promises to pay made on a local day: amount, statuses, per collector.' })
  ptpStats(@Args(() => DashboardArgs) args: DashboardArgs, @Ctx() ctx: CollectionsContext): Promise<PtpStats> {
    return ptpStats(ctx, filterOf(args));
  }

  @Query(() => QualityInspectionStats, { description: 'Quality inspections made on a local day: count, mean score, results.' })
  qualityInspectionStats(@Args(() => DashboardArgs) args: DashboardArgs, @Ctx() ctx: CollectionsContext): Promise<QualityInspectionStats> {
    return qualityInspectionStats(ctx, filterOf(args));
  }
}

export const dailyStatsRules = {
  communicationStats: can('dashboards:view'),
  ptpStats: can('dashboards:view'),
  qualityInspectionStats: can('dashboards:view'),
};
