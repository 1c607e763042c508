import type { FilterQuery } from '@mikro-orm/core';
import { businessRule, notFound, recordEvent, pageWindow, toPage, type Paged, parseId, requireId, PageArgs, type PageArgsType, targetTenantId, flushOrConflict, containingText } from '@platform/kit';
import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Position, User } from '../entities';
import type { IdentityContext } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import { POSITION_CHANGED, type PositionChangedPayload } from '../services/identity.events';
import { assertNoCycle } from '../services/position-tree';
import { tenantExists } from '../services/tenant-exists';
import { PositionPage } from './pages';
import { PositionFilter } from './position-filter.input';
import { PositionInput } from './position.input';
import { UpdatePositionInput } from './update-position.input';

const PageOf100 = PageArgs({ size: 100 });

async function findPosition(ctx: IdentityContext, rawId: string): Promise<Position> {
  const id = parseId(rawId);
  const position = id === null ? null : await ctx.em.findOne(Position, id);
  if (!position) throw notFound('Position', rawId);
  return position;
}

/** The parent named by input, in the same tenant; null for a root. */
async function parentOf(
  ctx: IdentityContext,
  tenantId: number | null,
  raw: string | null | undefined,
  field: string,
): Promise<Position | null> {
  if (raw === null || raw === undefined) return null;
  const parent = await ctx.em.findOne(Position, { id: requireId(raw, field), tenantId });
  if (!parent) throw IdentityErrors.unknownReference(field, 'Position');
  return parent;
}

/** Announces a position's place in the tree (`position.changed`); written with the mutation's next flush. */
function recordPositionChanged(ctx: IdentityContext, position: Position, deleted = false): void {
  const payload: PositionChangedPayload = { positionId: position.id, parentId: position.parentId, deleted };
  recordEvent(ctx.em, { topic: POSITION_CHANGED, tenantId: position.tenantId, aggregateId: position.id, payload });
}

async function assertCodeFree(ctx: IdentityContext, tenantId: number, code: string): Promise<void> {
  if (await ctx.em.count(Position, { tenantId, code })) throw IdentityErrors.taken('code', code);
}

@Resolver()
export class PositionResolver {
  @Query(() => PositionPage, { description: 'Flat, ordered by level then id; build the tree from parentId.' })
  async positions(
    @Ctx() ctx: IdentityContext,
    @Args(() => PageOf100) page: PageArgsType,
    @Arg('filter', () => PositionFilter, { nullable: true }) filter?: PositionFilter,
  ): Promise<Paged<Position>> {
    const paging = page.window();
    const where: FilterQuery<Position> & Record<string, unknown> = {};
    if (filter?.level !== undefined && filter.level !== null) where.level = filter.level;
    if (filter?.parentId) where.parentId = requireId(filter.parentId, 'filter.parentId');
    if (filter?.search?.trim()) {
      const search = filter.search.trim();
      where.$or = containingText<Position>(['name', 'code'], search);
    }
    const [items, total] = await ctx.em.findAndCount(Position, where, {
      orderBy: { level: 'asc', id: 'asc' },
      ...pageWindow(paging),
    });
    return toPage(items, total, paging);
  }

  @Query(() => Position, { nullable: true, description: 'NOT_FOUND when absent or in another tenant.' })
  position(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext): Promise<Position> {
    return findPosition(ctx, id);
  }

  @Mutation(() => Position)
  async createPosition(@Arg('input') input: PositionInput, @Ctx() ctx: IdentityContext): Promise<Position> {
    const tenantId = await targetTenantId(ctx, input.tenantId, 'tenantId', tenantExists(ctx.em));
    const parent = await parentOf(ctx, tenantId, input.parentId, 'parentId');
    await assertCodeFree(ctx, tenantId, input.code);
    const position = ctx.em.create(Position, {
      tenantId,
      name: input.name,
      code: input.code,
      description: input.description ?? null,
      level: input.level,
      department: input.department ?? null,
      parentId: parent?.id ?? null,
    });
    await flushOrConflict(ctx.em, () => IdentityErrors.taken('code', input.code));
    recordPositionChanged(ctx, position);
    await ctx.em.flush();
    return position;
  }

  @Mutation(() => Position, { description: 'Absent fields stay unchanged; BUSINESS_RULE when parentId makes a cycle.' })
  async updatePosition(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdatePositionInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<Position> {
    const position = await findPosition(ctx, id);
    if (input.parentId !== undefined) {
      const parent = await parentOf(ctx, position.tenantId, input.parentId, 'parentId');
      await assertNoCycle(ctx, position, parent);
      position.parentId = parent?.id ?? null;
    }
    if (input.name) position.name = input.name;
    if (input.description !== undefined) position.description = input.description;
    if (input.level !== undefined && input.level !== null) position.level = input.level;
    if (input.department !== undefined) position.department = input.department;
    if (input.parentId !== undefined) recordPositionChanged(ctx, position);
    await ctx.em.flush();
    return position;
  }

  @Mutation(() => Boolean, { description: 'BUSINESS_RULE while it has employees or child positions.' })
  async deletePosition(@Arg('id', () => ID) id: string, @Ctx() ctx: IdentityContext): Promise<boolean> {
    const position = await findPosition(ctx, id);
    if (await ctx.em.count(User, { positionId: position.id })) {
      throw businessRule('The position still has employees', { reason: 'POSITION_HAS_EMPLOYEES' });
    }
    if (await ctx.em.count(Position, { parentId: position.id })) {
      throw businessRule('The position still has child positions', { reason: 'POSITION_HAS_CHILDREN' });
    }
    // Deleted accounts keep no claim on a position.
    await ctx.em.nativeUpdate(User, { positionId: position.id }, { positionId: null }, { filters: { notDeleted: false } });
    recordPositionChanged(ctx, position, true);
    ctx.em.remove(position);
    await ctx.em.flush();
    return true;
  }

  @Mutation(() => Position, { description: 'newParentId null = root; BUSINESS_RULE on a cycle.' })
  async movePosition(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: IdentityContext,
    @Arg('newParentId', () => ID, { nullable: true }) newParentId?: string | null,
    @Arg('newLevel', () => Int, { nullable: true }) newLevel?: number | null,
  ): Promise<Position> {
    const position = await findPosition(ctx, id);
    if (newLevel !== undefined && newLevel !== null && (newLevel < 1 || newLevel > 100)) {
      throw IdentityErrors.outOfRange('newLevel', 1, 100);
    }
    const parent = await parentOf(ctx, position.tenantId, newParentId, 'newParentId');
    await assertNoCycle(ctx, position, parent);
    position.parentId = parent?.id ?? null;
    if (newLevel !== undefined && newLevel !== null) position.level = newLevel;
    recordPositionChanged(ctx, position);
    await ctx.em.flush();
    return position;
  }
}
