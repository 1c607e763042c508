import DataLoader from 'dataloader';
import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';

/**
 * Rows per key (`SELECT col, count(*) … WHERE col IN (…) AND <where> GROUP BY col`) in one statement per tick, the
 * tenant filter applied; nothing is hydrated. The kit's countLoader with a condition (open cases, collectors only).
 */
export function countByLoader<E extends object>(
  em: EntityManager,
  entity: new (...args: never[]) => E,
  column: keyof E & string,
  where: FilterQuery<E> = {},
): DataLoader<number, number> {
  return new DataLoader<number, number>(async (keys) => {
    const qb = (em as SqlEntityManager)
      .createQueryBuilder(entity)
      .select([column, raw('count(*) as n')] as never)
      .where({ $and: [{ [column]: { $in: [...new Set(keys)] } }, where] } as never)
      .groupBy(column as never);
    await qb.applyFilters();
    const rows = (await qb.execute('all', true)) as unknown as Array<Record<string, unknown>>;
    const counts = new Map(rows.map((row) => [Number(row[column]), Number(row.n)]));
    return keys.map((k) => counts.get(k) ?? 0);
  });
}
