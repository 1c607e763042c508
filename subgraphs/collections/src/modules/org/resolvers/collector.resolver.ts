import type { FilterQuery } from '@mikro-orm/core';
import { badInput, can, flushOrConflict, PageArgs, pageWindow, parseId, toPage, type PageArgsType, type Paged } from '@platform/kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { Agency } from '../entities/agency.entity';
import { Collector, WORK_STATUSES } from '../entities/collector.entity';
import { Team } from '../entities/team.entity';
import { CreateCollectorInput, UpdateCollectorInput } from '../inputs/collector.input';
import { defined } from '../services/defined';
import { AGENCY_COLUMNS, COLLECTOR_COLUMNS, referencedRow, targetRow, TEAM_COLUMNS, writeTenantId } from '../services/org-writes';
import { scoped, scopeOf } from '../services/scope';
import { staffAccounts } from '../services/staff-accounts';
import { createStaff } from '../services/staff-profiles';
import { CollectorPage } from '../types/pages';

const Page = PageArgs({ size: 10 });

/** The account's fields as identity names them → as createCollector's input does. */
const ACCOUNT_FIELDS = { username: 'loginId', password: 'password', email: 'email', fullName: 'collectorName' };

@Resolver(() => Collector)
export class CollectorResolver {
  @Query(() => Collector, { nullable: true, description: 'A staff profile in the caller’s scope, or null.' })
  async collector(@Arg('id', () => ID) id: string, @Ctx() ctx: CollectionsContext): Promise<Collector | null> {
    const collectorId = parseId(id);
    if (collectorId === null) return null;
    return ctx.em.findOne(Collector, scoped({ id: collectorId }, await scopeOf(ctx), COLLECTOR_COLUMNS));
  }

  @Query(() => CollectorPage, { description: 'Staff profiles in the caller’s scope (every position unless `position` narrows), by id.' })
  async collectors(
    @Args(() => Page) page: PageArgsType,
    @Arg('teamId', () => ID, { nullable: true }) teamId: string | null,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('status', () => String, { nullable: true, description: 'active, on_leave or resigned.' }) status: string | null,
    @Arg('position', () => String, { nullable: true, description: 'collector, team_leader, spv or agency_admin.' }) position: string | null,
    @Ctx() ctx: CollectionsContext,
  ): Promise<Paged<Collector>> {
    if (status && !(WORK_STATUSES as readonly string[]).includes(status)) {
      throw badInput('status', `status must be one of ${WORK_STATUSES.join(', ')}`);
    }
    const where: FilterQuery<Collector> & Record<string, unknown> = {};
    if (teamId) where.teamId = parseId(teamId) ?? 0;
    if (agencyId) where.agencyId = parseId(agencyId) ?? 0;
    if (status) where.status = status as Collector['status'];
    if (position) where.position = position as Collector['position'];
    const window = page.window();
    const [items, total] = await ctx.em.findAndCount(Collector, scoped(where, await scopeOf(ctx), COLLECTOR_COLUMNS), {
      orderBy: { id: 'asc' },
      ...pageWindow(window),
    });
    return toPage(items, total, window);
  }

  @Mutation(() => Collector, {
    description:
      'Creates the identity account (loginId, password, collectorName, email; role collector) through the graph as the caller, then the profile. A taken collectorCode or loginId is CONFLICT.',
  })
  async createCollector(@Arg('input') input: CreateCollectorInput, @Ctx() ctx: CollectionsContext): Promise<Collector> {
    const tenantId = writeTenantId(ctx, input.tenantId);
    const agency = await referencedRow(ctx, Agency, input.agencyId, AGENCY_COLUMNS, 'agencyId');
    if (agency.tenantId !== tenantId) throw CollectionsErrors.unknownReference('agencyId', input.agencyId);
    const team = input.teamId ? await referencedRow(ctx, Team, input.teamId, TEAM_COLUMNS, 'teamId') : null;
    if (team && team.agencyId !== agency.id) throw badInput('teamId', 'teamId must be a team of the same agency');
    const { tenantId: _t, agencyId: _a, teamId: _team, loginId, password, email, ...fields } = input;
    return createStaff(ctx, {
      account: { tenantId, username: loginId, password, fullName: input.collectorName, email, role: 'collector' },
      accountFields: ACCOUNT_FIELDS,
      codeField: 'collectorCode',
      profile: {
        ...defined(fields),
        tenantId,
        agencyId: agency.id,
        teamId: team?.id ?? null,
        teamGroupId: team?.teamGroupId ?? null,
        collectorCode: input.collectorCode,
        collectorName: input.collectorName,
        position: 'collector',
      },
    });
  }

  @Mutation(() => Collector, {
    description: 'Only the fields given change; a new team must be of the same agency. collectorName and email also change on the account.',
  })
  async updateCollector(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateCollectorInput,
    @Ctx() ctx: CollectionsContext,
  ): Promise<Collector> {
    const collector = await targetRow(ctx, Collector, id, COLLECTOR_COLUMNS, 'Collector');
    const { teamId, email, ...fields } = input;
    if (teamId) {
      const team = await referencedRow(ctx, Team, teamId, TEAM_COLUMNS, 'teamId');
      if (team.agencyId !== collector.agencyId) throw badInput('teamId', 'teamId must be a team of the same agency');
      collector.teamId = team.id;
      collector.teamGroupId = team.teamGroupId ?? null;
    }
    ctx.em.assign(collector, defined(fields) as Partial<Collector>);
    await flushOrConflict(ctx.em, () => CollectionsErrors.duplicateCode('collectorCode', input.collectorCode ?? ''));
    if (input.collectorName || email !== undefined) {
      await staffAccounts.update(ctx, collector.userId, defined({ fullName: input.collectorName, email }));
    }
    return collector;
  }

  @Mutation(() => Boolean, { description: 'Sets the account’s password (identity’s policy) and signs it out everywhere.' })
  async resetCollectorPassword(
    @Arg('id', () => ID) id: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() ctx: CollectionsContext,
  ): Promise<boolean> {
    const collector = await targetRow(ctx, Collector, id, COLLECTOR_COLUMNS, 'Collector');
    await staffAccounts.resetPassword(ctx, collector.userId, newPassword);
    return true;
  }

  @Mutation(() => Collector, { description: 'Disabling also deactivates the account (signed out, cannot sign in); enabling reactivates it.' })
  async setCollectorStatus(
    @Arg('id', () => ID) id: string,
    @Arg('isActive') isActive: boolean,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: CollectionsContext,
  ): Promise<Collector> {
    if (reason && reason.length > 255) throw badInput('reason', 'reason must be at most 255 characters');
    const collector = await targetRow(ctx, Collector, id, COLLECTOR_COLUMNS, 'Collector');
    collector.isActive = isActive;
    collector.disabledReason = isActive ? null : (reason ?? null);
    await ctx.em.flush();
    await staffAccounts.setActive(ctx, collector.userId, isActive);
    return collector;
  }
}


export const collectorRules = {
  Query: { collector: can('collectors:view'), collectors: can('collectors:view') },
  Mutation: {
    createCollector: can('collectors:create'),
    updateCollector: can('collectors:update'),
    resetCollectorPassword: can('collectors:update'),
    setCollectorStatus: can('collectors:update'),
  },
};
