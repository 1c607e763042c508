import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { Queue } from '../../queues/entities/queue.entity';
import { Agency } from '../entities/agency.entity';
import { Collector } from '../entities/collector.entity';
import { TeamGroup } from '../entities/team-group.entity';
import { Team } from '../entities/team.entity';
import { orgLoaders } from '../loaders/org.loaders';
import { rate, TeamStatistics } from '../types/org-stats.types';

@Resolver(() => Team)
export class TeamFieldsResolver {
  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() team: Team, @Ctx() ctx: CollectionsContext): Promise<Agency | null> {
    return orgLoaders.agencyById(ctx).load(team.agencyId);
  }

  @FieldResolver(() => TeamGroup, { nullable: true })
  teamGroup(@Root() team: Team, @Ctx() ctx: CollectionsContext): Promise<TeamGroup | null> | null {
    return team.teamGroupId ? orgLoaders.teamGroupById(ctx).load(team.teamGroupId) : null;
  }

  @FieldResolver(() => Queue, { nullable: true })
  queue(@Root() team: Team, @Ctx() ctx: CollectionsContext): Promise<Queue | null> | null {
    return team.queueId ? orgLoaders.queueById(ctx).load(team.queueId) : null;
  }

  @FieldResolver(() => Collector, { nullable: true, description: 'The leader’s staff profile.' })
  teamLeader(@Root() team: Team, @Ctx() ctx: CollectionsContext): Promise<Collector | null> | null {
    return team.teamLeaderId ? orgLoaders.collectorById(ctx).load(team.teamLeaderId) : null;
  }

  @FieldResolver(() => Int, { description: 'Profiles of the team working cases (position collector).' })
  collectorCount(@Root() team: Team, @Ctx() ctx: CollectionsContext): Promise<number> {
    return orgLoaders.collectorCountByTeam(ctx).load(team.id);
  }

  @FieldResolver(() => Int, { description: 'The team’s open cases, counted in SQL.' })
  currentCaseCount(@Root() team: Team, @Ctx() ctx: CollectionsContext): Promise<number> {
    return orgLoaders.openCaseCountByTeam(ctx).load(team.id);
  }

  @FieldResolver(() => [Collector], { description: 'The team’s staff profiles (its leader included), by id.' })
  collectors(@Root() team: Team, @Ctx() ctx: CollectionsContext): Promise<Collector[]> {
    return orgLoaders.collectorsByTeam(ctx).load(team.id);
  }

  @FieldResolver(() => TeamStatistics)
  async statistics(@Root() team: Team, @Ctx() ctx: CollectionsContext): Promise<TeamStatistics> {
    const [totalCollectors, totalCases, resolvedCases] = await Promise.all([
      orgLoaders.collectorCountByTeam(ctx).load(team.id),
      orgLoaders.caseCountByTeam(ctx).load(team.id),
      orgLoaders.resolvedCaseCountByTeam(ctx).load(team.id),
    ]);
    return { totalCollectors, totalCases, resolvedCases, resolutionRate: rate(resolvedCases, totalCases) };
  }
}
