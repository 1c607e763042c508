import { can } from '@platform/kit';
import { IsOptional, Max, Min } from 'class-validator';
import { Arg, ArgsType, Args, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { dashboardAlerts } from '../services/alerts.service';
import { dashboardAnalytics } from '../services/analytics.service';
import { idleReport } from '../services/idle-monitor.service';
import { DashboardAlerts } from './alerts.types';
import { DashboardAnalytics } from './analytics.types';
import { optionalId } from './dashboard.args';
import { IdleReport } from './idle-monitor.types';

@ArgsType()
class AlertsArgs {
  @Field(() => ID, { nullable: true })
  agencyId?: string | null;

  @Field(() => Int, { defaultValue: 3, description: 'An open case without contact for this many days is an alert.' })
  @Min(1)
  @Max(365)
  notContactedDays!: number;

  @Field(() => Int, { nullable: true, description: 'Minutes without activity that make a collector idle; default the tenant’s idle threshold (30).' })
  @IsOptional()
  @Min(1)
  @Max(1440)
  idleMinutes?: number | null;

  @Field(() => Int, { defaultValue: 5, description: 'Items shown per alert.' })
  @Min(1)
  @Max(50)
  limit!: number;
}

/** Analytics, alerts and the idle monitor (CCO admin § 11.5–11.7). */
@Resolver()
export class OverviewResolver {
  @Query(() => DashboardAnalytics, { description: 'The case book by queue and agency and the work of a local date range (default the last 30 days).' })
  dashboardAnalytics(
    @Arg('dateFrom', () => String, { nullable: true, description: 'YYYY-MM-DD, inclusive.' }) dateFrom: string | null,
    @Arg('dateTo', () => String, { nullable: true, description: 'YYYY-MM-DD, inclusive; default today.' }) dateTo: string | null,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Ctx() ctx: CollectionsContext,
  ): Promise<DashboardAnalytics> {
    return dashboardAnalytics(ctx, { dateFrom, dateTo, agencyId: optionalId(agencyId, 'agencyId') });
  }

  @Query(() => DashboardAlerts, { description: 'Counts and first items of what needs a look now.' })
  dashboardAlerts(@Args(() => AlertsArgs) args: AlertsArgs, @Ctx() ctx: CollectionsContext): Promise<DashboardAlerts> {
    return dashboardAlerts(ctx, {
      agencyId: optionalId(args.agencyId, 'agencyId'),
      notContactedDays: args.notContactedDays,
      idleMinutes: args.idleMinutes ?? undefined,
      limit: args.limit,
    });
  }

  @Query(() => IdleReport, { description: 'Idle minutes of an agency’s collectors on a local day (default today), within its working hours.' })
  idleCollectors(
    @Arg('agencyId', () => ID) agencyId: string,
    @Arg('date', () => String, { nullable: true, description: 'YYYY-MM-DD in the agency’s zone.' }) date: string | null,
    @Ctx() ctx: CollectionsContext,
  ): Promise<IdleReport> {
    const id = optionalId(agencyId, 'agencyId');
    if (id === undefined) throw CollectionsErrors.invalidId('agencyId');
    return idleReport(ctx, id, date);
  }
}

export const overviewRules = {
  dashboardAnalytics: can('dashboards:view'),
  dashboardAlerts: can('dashboards:view'),
  idleCollectors: can('dashboards:view'),
};
