import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { Agency } from '../entities/agency.entity';
import { Collector } from '../entities/collector.entity';
import { TeamGroup } from '../entities/team-group.entity';
import { Team } from '../entities/team.entity';
import { orgLoaders } from '../loaders/org.loaders';

@Resolver(() => TeamGroup)
export class TeamGroupFieldsResolver {
  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() group: TeamGroup, @Ctx() ctx: CollectionsContext): Promise<Agency | null> {
    return orgLoaders.agencyById(ctx).load(group.agencyId);
  }

  @FieldResolver(() => Collector, { nullable: true, description: 'The SPV’s staff profile.' })
  spv(@Root() group: TeamGroup, @Ctx() ctx: CollectionsContext): Promise<Collector | null> | null {
    return group.spvId ? orgLoaders.collectorById(ctx).load(group.spvId) : null;
  }

  @FieldResolver(() => Int)
  teamCount(@Root() group: TeamGroup, @Ctx() ctx: CollectionsContext): Promise<number> {
    return orgLoaders.teamCountByGroup(ctx).load(group.id);
  }

  @FieldResolver(() => [Team], { description: 'The group’s teams by id.' })
  teams(@Root() group: TeamGroup, @Ctx() ctx: CollectionsContext): Promise<Team[]> {
    return orgLoaders.teamsByGroup(ctx).load(group.id);
  }
}
