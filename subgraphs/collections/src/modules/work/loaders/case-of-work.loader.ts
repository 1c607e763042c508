import DataLoader from 'dataloader';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionCase } from '../../cases/entities/collection-case.entity';

/**
 * The case a promise or a link belongs to, by id, for their list items (case code, debtor name): the row itself was
 * reached through the caller's scope already, so its case is read in the tenant, one statement per page.
 */
export const caseOfWork = (ctx: CollectionsContext) =>
  ctx.loaders.get('work.caseOfWork', () =>
    new DataLoader<number, Pick<CollectionCase, 'id' | 'caseCode' | 'userName'> | null>(async (ids) => {
      const rows = await ctx.em.find(CollectionCase, { id: { $in: [...new Set(ids)] } }, { fields: ['id', 'tenantId', 'caseCode', 'userName'] });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
