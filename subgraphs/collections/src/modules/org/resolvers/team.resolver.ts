import type { FilterQuery } from '@mikro-orm/core';
import { badInput, can, flushOrConflict, PageArgs, pageWindow, parseId, toPage, type PageArgsType, type Paged } from '@platform/kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { Queue } from '../../queues/entities/queue.entity';
import { Agency } from '../entities/agency.entity';
import { Collector } from '../entities/collector.entity';
import { TeamGroup } from '../entities/team-group.entity';
import { Team } from '../entities/team.entity';
import { CreateTeamInput } from '../inputs/team.input';
import { defined } from '../services/defined';
import { AGENCY_COLUMNS, COLLECTOR_COLUMNS, referencedRow, targetRow, TEAM_COLUMNS, TEAM_GROUP_COLUMNS, writeTenantId } from '../services/org-writes';
import { scoped, scopeOf } from '../services/scope';
import { staffAccounts } from '../services/staff-accounts';
import { TeamPage } from '../types/pages';

const Page = PageArgs({ size: 10 });

@Resolver(() => Team)
export class TeamResolver {
  @Query(() => Team, { nullable: true, description: 'A team in the caller’s scope, or null.' })
  async team(@Arg('id', () => ID) id: string, @Ctx() ctx: CollectionsContext): Promise<Team | null> {
    const teamId = parseId(id);
    if (teamId === null) return null;
    return ctx.em.findOne(Team, scoped({ id: teamId }, await scopeOf(ctx), TEAM_COLUMNS));
  }

  @Query(() => TeamPage, { description: 'Teams in the caller’s scope, by id.' })
  async teams(
    @Args(() => Page) page: PageArgsType,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('teamGroupId', () => ID, { nullable: true }) teamGroupId: string | null,
    @Arg('queueId', () => ID, { nullable: true }) queueId: string | null,
    @Arg('isActive', () => Boolean, { nullable: true }) isActive: boolean | null,
    @Ctx() ctx: CollectionsContext,
  ): Promise<Paged<Team>> {
    const where: FilterQuery<Team> & Record<string, unknown> = {};
    if (agencyId) where.agencyId = parseId(agencyId) ?? 0;
    if (teamGroupId) where.teamGroupId = parseId(teamGroupId) ?? 0;
    if (queueId) where.queueId = parseId(queueId) ?? 0;
    if (isActive !== null && isActive !== undefined) where.isActive = isActive;
    const window = page.window();
    const [items, total] = await ctx.em.findAndCount(Team, scoped(where, await scopeOf(ctx), TEAM_COLUMNS), {
      orderBy: { id: 'asc' },
      ...pageWindow(window),
    });
    return toPage(items, total, window);
  }

  @Mutation(() => Team, { description: 'The team group (if any) must be of the same agency; the queue of the same tenant.' })
  async createTeam(@Arg('input') input: CreateTeamInput, @Ctx() ctx: CollectionsContext): Promise<Team> {
    const tenantId = writeTenantId(ctx, input.tenantId);
    const agency = await referencedRow(ctx, Agency, input.agencyId, AGENCY_COLUMNS, 'agencyId');
    if (agency.tenantId !== tenantId) throw CollectionsErrors.unknownReference('agencyId', input.agencyId);
    if (input.teamGroupId) {
      const group = await referencedRow(ctx, TeamGroup, input.teamGroupId, TEAM_GROUP_COLUMNS, 'teamGroupId');
      if (group.agencyId !== agency.id) throw badInput('teamGroupId', 'teamGroupId must be a team group of the same agency');
    }
    if (input.queueId) {
      const queue = await ctx.em.findOne(Queue, { id: parseId(input.queueId) ?? 0, tenantId }, { filters: false });
      if (!queue) throw CollectionsErrors.unknownReference('queueId', input.queueId);
    }
    const { tenantId: _t, agencyId: _a, teamGroupId, queueId, ...fields } = input;
    const team = ctx.em.create(Team, {
      ...defined(fields),
      tenantId,
      agencyId: agency.id,
      teamGroupId: teamGroupId ? parseId(teamGroupId) : null,
      queueId: queueId ? parseId(queueId) : null,
      teamCode: input.teamCode,
      teamName: input.teamName,
    });
    await flushOrConflict(ctx.em, () => CollectionsErrors.duplicateCode('teamCode', input.teamCode));
    return team;
  }

  @Mutation(() => Team, {
    description: 'A staff profile of the team’s agency leads the team (position team_leader, moved into the team; its account gets the TeamLeader role through identity); the previous leader’s profile and account go back to collector.',
  })
  async setTeamLeader(
    @Arg('teamId', () => ID) teamId: string,
    @Arg('teamLeaderId', () => ID) teamLeaderId: string,
    @Ctx() ctx: CollectionsContext,
  ): Promise<Team> {
    const team = await targetRow(ctx, Team, teamId, TEAM_COLUMNS, 'Team');
    const leader = await referencedRow(ctx, Collector, teamLeaderId, COLLECTOR_COLUMNS, 'teamLeaderId');
    if (leader.tenantId !== team.tenantId || leader.agencyId !== team.agencyId) {
      throw badInput('teamLeaderId', 'teamLeaderId must be a staff profile of the team’s agency');
    }
    let stepsDown: Collector | null = null;
    if (team.teamLeaderId && team.teamLeaderId !== leader.id) {
      const previous = await ctx.em.findOne(Collector, { id: team.teamLeaderId, tenantId: team.tenantId }, { filters: false });
      // Only a leader of this team steps down (one who has since moved to lead another team keeps leading it).
      if (previous?.position === 'team_leader' && previous.teamId === team.id) stepsDown = previous;
    }
    if (stepsDown) stepsDown.position = 'collector';
    leader.position = 'team_leader';
    leader.teamId = team.id;
    leader.teamGroupId = team.teamGroupId ?? null;
    team.teamLeaderId = leader.id;
    await ctx.em.flush();
    // The accounts follow the profiles (a refusal there rolls the profile changes back).
    if (stepsDown) await staffAccounts.update(ctx, stepsDown.userId, { role: 'collector' });
    await staffAccounts.update(ctx, leader.userId, { role: 'TeamLeader' });
    return team;
  }
}

export const teamRules = {
  Query: { team: can('teams:view'), teams: can('teams:view') },
  Mutation: { createTeam: can('teams:create'), setTeamLeader: can('teams:update') },
};
