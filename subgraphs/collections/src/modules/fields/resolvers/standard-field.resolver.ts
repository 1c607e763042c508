import { badInput, byKeyLoader, can, isSuperAdmin, parseId } from '@platform/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { FieldGroup } from '../entities/field-group.entity';
import { StandardField } from '../entities/standard-field.entity';

const groupById = (ctx: CollectionsContext) => ctx.loaders.get('fieldGroupById', () => byKeyLoader<FieldGroup, number>(ctx.em, FieldGroup));

/** The platform's standard fields: a bounded reference list (tens of rows), answered whole in order. */
@Resolver(() => StandardField)
export class StandardFieldResolver {
  @Query(() => [StandardField], { description: 'Standard fields in order (sortOrder, then id).' })
  standardFields(
    @Arg('fieldGroupId', () => ID, { nullable: true }) fieldGroupId: string | null,
    @Arg('isActive', () => Boolean, { nullable: true }) isActive: boolean | null,
    @Ctx() ctx: CollectionsContext,
  ) {
    const where: Record<string, unknown> = {};
    if (fieldGroupId != null) where.fieldGroupId = parseId(fieldGroupId) ?? -1;
    if (isActive != null) where.isActive = isActive;
    return ctx.em.find(StandardField, where, { orderBy: { sortOrder: 'asc', id: 'asc' } });
  }

  @Mutation(() => [StandardField], { description: 'Puts the listed standard fields in this order (sortOrder = position from 1); every id must exist. Super admin only.' })
  async reorderStandardFields(@Arg('fieldIds', () => [ID]) fieldIds: string[], @Ctx() ctx: CollectionsContext) {
    if (!fieldIds.length) throw badInput('fieldIds', 'fieldIds must list at least one field');
    const ids = fieldIds.map((raw, i) => {
      const id = parseId(raw);
      if (id === null) throw badInput('fieldIds', `fieldIds[${i}] must be a field id`);
      return id;
    });
    if (new Set(ids).size !== ids.length) throw badInput('fieldIds', 'fieldIds must not list a field twice');
    const fields = await ctx.em.find(StandardField, { id: { $in: ids } });
    const byId = new Map(fields.map((f) => [f.id, f]));
    const missing = ids.findIndex((id) => !byId.has(id));
    if (missing >= 0) throw badInput('fieldIds', `fieldIds[${missing}]: no standard field ${ids[missing]}`);
    ids.forEach((id, i) => (byId.get(id)!.sortOrder = i + 1));
    await ctx.em.flush();
    return ctx.em.find(StandardField, {}, { orderBy: { sortOrder: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => String, { nullable: true, description: 'Its group’s name (客户基础信息 …).' })
  async fieldGroupName(@Root() field: StandardField, @Ctx() ctx: CollectionsContext) {
    if (field.fieldGroupId == null) return null;
    return (await groupById(ctx).load(field.fieldGroupId))?.groupName ?? null;
  }
}

export const standardFieldRules = {
  Query: { standardFields: can('fields:view') },
  Mutation: { reorderStandardFields: isSuperAdmin },
};
