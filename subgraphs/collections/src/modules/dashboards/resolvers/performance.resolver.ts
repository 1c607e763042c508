import { can, PageArgs, type Paged, type PageArgsType } from '@platform/kit';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { collectorPerformance } from '../services/performance.service';
import { optionalId } from './dashboard.args';
import { CollectorPerformance, CollectorPerformancePage } from './performance.types';

const Page = PageArgs({ size: 10 });

@Resolver()
export class PerformanceResolver {
  @Query(() => CollectorPerformancePage, {
    description: 'Collectors’ figures for a month (default: this month), one row per collector in scope, by id; with collectorId, theirs.',
  })
  collectorPerformance(
    @Arg('month', () => String, { nullable: true, description: 'YYYY-MM in the agency’s (or tenant’s) zone.' }) month: string | null,
    @Arg('collectorId', () => ID, { nullable: true }) collectorId: string | null,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('teamId', () => ID, { nullable: true }) teamId: string | null,
    @Args(() => Page) page: PageArgsType,
    @Ctx() ctx: CollectionsContext,
  ): Promise<Paged<CollectorPerformance>> {
    const filter = {
      month,
      collectorId: optionalId(collectorId, 'collectorId'),
      agencyId: optionalId(agencyId, 'agencyId'),
      teamId: optionalId(teamId, 'teamId'),
    };
    return collectorPerformance(ctx, filter, page.window());
  }
}

export const performanceRules = { collectorPerformance: can('dashboards:view') };
