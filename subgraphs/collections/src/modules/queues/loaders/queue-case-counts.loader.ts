import { raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import type { CollectionsContext } from '../../../collections.context';
import { OPEN_CASE_STATUSES } from '../../cases/entities/case-status';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { scoped, scopeOf } from '../../org/services/scope';

export interface QueueCaseCounts {
  cases: number;
  assigned: number;
}

/**
 * Open cases per queue, and how many of them have a collector, in one grouped statement per page of queues; only
 * the cases inside the caller's data scope count (an agency admin sees their agency's share).
 */
export function queueCaseCounts(ctx: CollectionsContext): DataLoader<number, QueueCaseCounts> {
  return ctx.loaders.get('queueCaseCounts', () =>
    new DataLoader<number, QueueCaseCounts>(async (queueIds) => {
      const scope = await scopeOf(ctx);
      const qb = (ctx.em as SqlEntityManager)
        .createQueryBuilder(CollectionCase, 'c')
        .select(['queueId', raw('count(*) as cases'), raw('count(c.collector_id) as assigned')] as never)
        .where(scoped({ queueId: { $in: [...new Set(queueIds)] }, caseStatus: { $in: [...OPEN_CASE_STATUSES] } }, scope) as never)
        .groupBy('queueId' as never);
      await qb.applyFilters();
      const rows = (await qb.execute('all', true)) as unknown as Array<{ queueId: number; cases: unknown; assigned: unknown }>;
      const byQueue = new Map(rows.map((r) => [Number(r.queueId), { cases: Number(r.cases), assigned: Number(r.assigned) }]));
      return queueIds.map((id) => byQueue.get(id) ?? { cases: 0, assigned: 0 });
    }),
  );
}
