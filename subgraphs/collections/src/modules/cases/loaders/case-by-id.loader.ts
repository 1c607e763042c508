import DataLoader from 'dataloader';
import type { CollectionsContext } from '../../../collections.context';
import { scoped, scopeOf } from '../../org/services/scope';
import { CollectionCase } from '../entities/collection-case.entity';

/** Cases by id within the caller's scope (others resolve to null): the entity reference's loader. */
export const caseInScopeById = (ctx: CollectionsContext) =>
  ctx.loaders.get('cases.caseInScopeById', () =>
    new DataLoader<number, CollectionCase | null>(async (ids) => {
      const scope = await scopeOf(ctx);
      const rows = await ctx.em.find(CollectionCase, scoped({ id: { $in: [...new Set(ids)] } }, scope));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
