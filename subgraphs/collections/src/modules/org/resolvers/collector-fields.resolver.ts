import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { Agency } from '../entities/agency.entity';
import { Collector } from '../entities/collector.entity';
import { TeamGroup } from '../entities/team-group.entity';
import { Team } from '../entities/team.entity';
import { TenantStub } from '../entities/tenant.stub';
import { UserStub } from '../entities/user.stub';
import { orgLoaders } from '../loaders/org.loaders';
import { performanceOf, recentDaysOf } from '../services/collector-performance';
import { CollectorDay, CollectorPerformance } from '../types/org-stats.types';

@Resolver(() => Collector)
export class CollectorFieldsResolver {
  @FieldResolver(() => UserStub, { description: 'identity’s account: login id (username), e-mail, last sign-in, status.' })
  user(@Root() collector: Collector): UserStub {
    return { id: collector.userId };
  }

  @FieldResolver(() => TenantStub, { description: 'The collector’s tenant (its zone renders the collector’s times).' })
  tenant(@Root() collector: Collector): TenantStub {
    return { id: String(collector.tenantId) };
  }

  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() collector: Collector, @Ctx() ctx: CollectionsContext): Promise<Agency | null> {
    return orgLoaders.agencyById(ctx).load(collector.agencyId);
  }

  @FieldResolver(() => TeamGroup, { nullable: true })
  teamGroup(@Root() collector: Collector, @Ctx() ctx: CollectionsContext): Promise<TeamGroup | null> | null {
    return collector.teamGroupId ? orgLoaders.teamGroupById(ctx).load(collector.teamGroupId) : null;
  }

  @FieldResolver(() => Team, { nullable: true })
  team(@Root() collector: Collector, @Ctx() ctx: CollectionsContext): Promise<Team | null> | null {
    return collector.teamId ? orgLoaders.teamById(ctx).load(collector.teamId) : null;
  }

  @FieldResolver(() => Int, { description: 'Open cases assigned to the collector, counted in SQL.' })
  currentCases(@Root() collector: Collector, @Ctx() ctx: CollectionsContext): Promise<number> {
    return orgLoaders.openCaseCountByCollector(ctx).load(collector.id);
  }

  @FieldResolver(() => CollectorPerformance, { description: 'Aggregates over the collector’s cases, repayments and communications.' })
  performance(@Root() collector: Collector, @Ctx() ctx: CollectionsContext): Promise<CollectorPerformance> {
    return performanceOf(ctx, collector);
  }

  @FieldResolver(() => [CollectorDay], { description: 'Contacts and PTPs per day, newest first, in the agency’s zone.' })
  async recentActivities(
    @Root() collector: Collector,
    @Arg('days', () => Int, { defaultValue: 7 }) days: number,
    @Ctx() ctx: CollectionsContext,
  ): Promise<CollectorDay[]> {
    const agency = await orgLoaders.agencyById(ctx).load(collector.agencyId);
    return recentDaysOf(ctx, collector, Math.min(Math.max(days, 1), 31), agency?.timezone ?? 0);
  }
}

