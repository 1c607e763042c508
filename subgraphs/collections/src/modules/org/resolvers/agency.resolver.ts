import type { FilterQuery } from '@mikro-orm/core';
import { can, flushOrConflict, PageArgs, pageWindow, parseId, toPage, type PageArgsType, type Paged } from '@platform/kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { Agency } from '../entities/agency.entity';
import { UpdateAgencyInput, CreateAgencyInput } from '../inputs/agency.input';
import { assertAgencyEmpty, removeAgency } from '../services/agency-removal';
import { AGENCY_COLUMNS, targetRow, writeTenantId } from '../services/org-writes';
import { scoped, scopeOf } from '../services/scope';
import { defined } from '../services/defined';
import { AgencyPage } from '../types/pages';

const Page = PageArgs({ size: 10 });

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true, description: 'An agency in the caller’s scope, or null.' })
  async agency(@Arg('id', () => ID) id: string, @Ctx() ctx: CollectionsContext): Promise<Agency | null> {
    const agencyId = parseId(id);
    if (agencyId === null) return null;
    const scope = await scopeOf(ctx);
    return ctx.em.findOne(Agency, scoped({ id: agencyId }, scope, AGENCY_COLUMNS));
  }

  @Query(() => AgencyPage, {
    description: 'Agencies in the caller’s scope, by id. `tenantId` narrows a SuperAdmin’s list; a tenant’s callers see their tenant only.',
  })
  async agencies(
    @Args(() => Page) page: PageArgsType,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Arg('isActive', () => Boolean, { nullable: true }) isActive: boolean | null,
    @Ctx() ctx: CollectionsContext,
  ): Promise<Paged<Agency>> {
    const where: FilterQuery<Agency> & Record<string, unknown> = {};
    if (tenantId) where.tenantId = parseId(tenantId) ?? 0;
    if (isActive !== null && isActive !== undefined) where.isActive = isActive;
    const window = page.window();
    const [items, total] = await ctx.em.findAndCount(Agency, scoped(where, await scopeOf(ctx), AGENCY_COLUMNS), {
      orderBy: { id: 'asc' },
      ...pageWindow(window),
    });
    return toPage(items, total, window);
  }

  @Mutation(() => Agency, { description: 'A SuperAdmin names the tenant; a TenantAdmin creates in theirs. A taken agencyCode is CONFLICT.' })
  async createAgency(@Arg('input') input: CreateAgencyInput, @Ctx() ctx: CollectionsContext): Promise<Agency> {
    const tenantId = writeTenantId(ctx, input.tenantId);
    const { tenantId: _, ...fields } = input;
    const agency = ctx.em.create(Agency, { ...defined(fields), tenantId, agencyCode: input.agencyCode, agencyName: input.agencyName });
    await flushOrConflict(ctx.em, () => CollectionsErrors.duplicateCode('agencyCode', input.agencyCode));
    return agency;
  }

  @Mutation(() => Agency, { description: 'Only the fields given change. A taken agencyCode is CONFLICT.' })
  async updateAgency(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateAgencyInput,
    @Ctx() ctx: CollectionsContext,
  ): Promise<Agency> {
    const agency = await targetRow(ctx, Agency, id, AGENCY_COLUMNS, 'Agency');
    ctx.em.assign(agency, defined(input));
    await flushOrConflict(ctx.em, () => CollectionsErrors.duplicateCode('agencyCode', input.agencyCode ?? ''));
    return agency;
  }

  @Mutation(() => Boolean, {
    description: 'Refused (BUSINESS_RULE, naming what is left) while the agency has teams, collectors or open cases.',
  })
  async deleteAgency(@Arg('id', () => ID) id: string, @Ctx() ctx: CollectionsContext): Promise<boolean> {
    const agency = await targetRow(ctx, Agency, id, AGENCY_COLUMNS, 'Agency');
    await assertAgencyEmpty(ctx, agency);
    await removeAgency(ctx, agency);
    return true;
  }
}

export const agencyRules = {
  Query: { agency: can('agencies:view'), agencies: can('agencies:view') },
  Mutation: { createAgency: can('agencies:create'), updateAgency: can('agencies:update'), deleteAgency: can('agencies:delete') },
};
