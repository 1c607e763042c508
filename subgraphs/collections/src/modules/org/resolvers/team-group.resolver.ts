import type { FilterQuery } from '@mikro-orm/core';
import { badInput, can, flushOrConflict, PageArgs, pageWindow, parseId, toPage, type PageArgsType, type Paged } from '@platform/kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { Agency } from '../entities/agency.entity';
import { Collector } from '../entities/collector.entity';
import { TeamGroup } from '../entities/team-group.entity';
import { CreateTeamGroupInput } from '../inputs/team-group.input';
import { defined } from '../services/defined';
import { AGENCY_COLUMNS, COLLECTOR_COLUMNS, referencedRow, targetRow, TEAM_GROUP_COLUMNS, writeTenantId } from '../services/org-writes';
import { scoped, scopeOf } from '../services/scope';
import { staffAccounts } from '../services/staff-accounts';
import { createStaff } from '../services/staff-profiles';
import { TeamGroupPage } from '../types/pages';

const Page = PageArgs({ size: 10 });

@Resolver(() => TeamGroup)
export class TeamGroupResolver {
  @Query(() => TeamGroup, { nullable: true, description: 'A team group in the caller’s scope, or null.' })
  async teamGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: CollectionsContext): Promise<TeamGroup | null> {
    const groupId = parseId(id);
    if (groupId === null) return null;
    return ctx.em.findOne(TeamGroup, scoped({ id: groupId }, await scopeOf(ctx), TEAM_GROUP_COLUMNS));
  }

  @Query(() => TeamGroupPage, { description: 'Team groups in the caller’s scope by sortOrder, then id.' })
  async teamGroups(
    @Args(() => Page) page: PageArgsType,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('isActive', () => Boolean, { nullable: true }) isActive: boolean | null,
    @Ctx() ctx: CollectionsContext,
  ): Promise<Paged<TeamGroup>> {
    const where: FilterQuery<TeamGroup> & Record<string, unknown> = {};
    if (agencyId) where.agencyId = parseId(agencyId) ?? 0;
    if (isActive !== null && isActive !== undefined) where.isActive = isActive;
    const window = page.window();
    const [items, total] = await ctx.em.findAndCount(TeamGroup, scoped(where, await scopeOf(ctx), TEAM_GROUP_COLUMNS), {
      orderBy: { sortOrder: 'asc', id: 'asc' },
      ...pageWindow(window),
    });
    return toPage(items, total, window);
  }

  @Mutation(() => TeamGroup, {
    description: 'With `spv`, also creates the SPV’s account (role SPV, through identity as the caller) and profile, and makes it the SPV.',
  })
  async createTeamGroup(@Arg('input') input: CreateTeamGroupInput, @Ctx() ctx: CollectionsContext): Promise<TeamGroup> {
    const tenantId = writeTenantId(ctx, input.tenantId);
    const agency = await referencedRow(ctx, Agency, input.agencyId, AGENCY_COLUMNS, 'agencyId');
    if (agency.tenantId !== tenantId) throw CollectionsErrors.unknownReference('agencyId', input.agencyId);
    const { tenantId: _t, agencyId: _a, spv, ...fields } = input;
    const group = ctx.em.create(TeamGroup, { ...defined(fields), tenantId, agencyId: agency.id, groupCode: input.groupCode, groupName: input.groupName });
    await flushOrConflict(ctx.em, () => CollectionsErrors.duplicateCode('groupCode', input.groupCode));
    if (spv) {
      const profile = await createStaff(ctx, {
        account: { tenantId, username: spv.loginId, password: spv.password, fullName: spv.accountName, email: spv.email, role: 'SPV' },
        accountFields: { username: 'spv.loginId', password: 'spv.password', email: 'spv.email', fullName: 'spv.accountName' },
        codeField: 'spv.collectorCode',
        profile: {
          tenantId,
          agencyId: agency.id,
          teamGroupId: group.id,
          collectorCode: spv.collectorCode ?? spv.loginId,
          collectorName: spv.accountName,
          mobile: spv.mobile ?? null,
          position: 'spv',
        },
      });
      group.spvId = profile.id;
      await ctx.em.flush();
    }
    return group;
  }

  @Mutation(() => TeamGroup, {
    description:
      'An existing staff profile of the group’s agency becomes its SPV (position spv, teamGroupId set; its account gets the SPV role through identity); the previous SPV leaves the group.',
  })
  async setTeamGroupSpv(
    @Arg('groupId', () => ID) groupId: string,
    @Arg('spvId', () => ID) spvId: string,
    @Ctx() ctx: CollectionsContext,
  ): Promise<TeamGroup> {
    const group = await targetRow(ctx, TeamGroup, groupId, TEAM_GROUP_COLUMNS, 'TeamGroup');
    const spv = await referencedRow(ctx, Collector, spvId, COLLECTOR_COLUMNS, 'spvId');
    if (spv.tenantId !== group.tenantId || spv.agencyId !== group.agencyId) {
      throw badInput('spvId', 'spvId must be a staff profile of the group’s agency');
    }
    if (group.spvId && group.spvId !== spv.id) {
      const previous = await ctx.em.findOne(Collector, { id: group.spvId, tenantId: group.tenantId }, { filters: false });
      if (previous?.position === 'spv' && previous.teamGroupId === group.id) previous.teamGroupId = null;
    }
    spv.position = 'spv';
    spv.teamGroupId = group.id;
    group.spvId = spv.id;
    await ctx.em.flush();
    // The account takes the SPV role (decisions.md § CCO); a refusal there rolls the profile change back.
    await staffAccounts.update(ctx, spv.userId, { role: 'SPV' });
    return group;
  }
}

export const teamGroupRules = {
  Query: { teamGroup: can('team_groups:view'), teamGroups: can('team_groups:view') },
  Mutation: { createTeamGroup: can('team_groups:create'), setTeamGroupSpv: can('team_groups:update') },
};
