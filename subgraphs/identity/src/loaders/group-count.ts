import { raw, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';

/**
 * `SELECT col, count(*) … GROUP BY col` for every key of a tick, the filters (tenant, soft delete) applied.
 * Unlike loading the rows and counting them, nothing is hydrated into the identity map.
 */
export function groupCountLoader<E extends object>(
  em: EntityManager,
  entity: new (...args: never[]) => E,
  column: keyof E & string,
): DataLoader<number, number> {
  return new DataLoader<number, number>(async (keys) => {
    const qb = (em as SqlEntityManager)
      .createQueryBuilder(entity)
      .select([column, raw('count(*) as n')] as never)
      .where({ [column]: { $in: [...new Set(keys)] } } as never)
      .groupBy(column as never);
    await qb.applyFilters();
    const rows = (await qb.execute('all', true)) as unknown as Array<Record<string, unknown>>;
    const counts = new Map(rows.map((row) => [Number(row[column]), Number(row.n)]));
    return keys.map((k) => counts.get(k) ?? 0);
  });
}
