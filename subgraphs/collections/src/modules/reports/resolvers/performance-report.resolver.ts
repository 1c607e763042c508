import { can } from '@platform/kit';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { exportScope } from '../services/export-access';
import { PERFORMANCE_COLUMNS, performanceReportPage } from '../services/performance-report.service';
import { ReportColumn, ReportRows } from './report-page';

/** The collector performance report (CCO admin § 12.2): its columns, then its rows page by page. */
@Resolver()
export class PerformanceReportResolver {
  @Query(() => [ReportColumn], { description: 'The performance report\u2019s columns (the figures of CCO admin § 11.4).' })
  async performanceReportColumns(@Ctx() ctx: CollectionsContext): Promise<ReportColumn[]> {
    await exportScope(ctx);
    return [...PERFORMANCE_COLUMNS];
  }

  @Query(() => ReportRows, {
    description:
      'One page of the report: a row per collector in the caller\u2019s scope (optionally of one agency or team), ' +
      'collector id > `afterId`, at most `first` (1–2000, default 500); figures for `month` (YYYY-MM) of `zone`.',
  })
  performanceReportPage(
    @Arg('month', () => String) month: string,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | undefined,
    @Arg('teamId', () => ID, { nullable: true }) teamId: string | undefined,
    @Arg('afterId', () => ID, { nullable: true }) afterId: string | undefined,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Arg('zone', () => String, { nullable: true, description: 'The IANA zone of the tenant\u2019s calendar; UTC unless given.' })
    zone: string | undefined,
    @Ctx() ctx: CollectionsContext,
  ): Promise<ReportRows> {
    const opt = <T>(v: T | null | undefined) => v ?? undefined;
    return performanceReportPage(ctx, { month, agencyId: opt(agencyId), teamId: opt(teamId), afterId: opt(afterId), first: opt(first), zone: opt(zone) });
  }
}

export const performanceReportRules = {
  performanceReportColumns: can('reports:export'),
  performanceReportPage: can('reports:export'),
};
