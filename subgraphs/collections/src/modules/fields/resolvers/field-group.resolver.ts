import { can, countLoader } from '@platform/kit';
import { Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { FieldGroup } from '../entities/field-group.entity';
import { StandardField } from '../entities/standard-field.entity';

const fieldCounts = (ctx: CollectionsContext) => ctx.loaders.get('fieldCountByGroup', () => countLoader(ctx.em, StandardField, 'fieldGroupId'));

@Resolver(() => FieldGroup)
export class FieldGroupResolver {
  @Query(() => [FieldGroup], { description: 'Every field group, flat with parentId (clients nest them), in sort order.' })
  fieldGroups(@Ctx() ctx: CollectionsContext) {
    return ctx.em.find(FieldGroup, {}, { orderBy: { sortOrder: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => Int, { description: 'Standard fields in the group (counted in SQL, one statement per list).' })
  fieldCount(@Root() group: FieldGroup, @Ctx() ctx: CollectionsContext) {
    return fieldCounts(ctx).load(group.id);
  }
}

export const fieldGroupRules = { Query: { fieldGroups: can('fields:view') } };
