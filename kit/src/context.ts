import DataLoader from 'dataloader';
import { raw, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Caller } from './auth';
import type { DbTimer } from './db/db-timer';

/** What every resolver receives: built once per request, never shared across requests. */
export interface RequestContext {
  requestId: string;
  caller: Caller | null;
  /** Forked per request; the tenant filter is set to the caller's tenant. */
  em: EntityManager;
  loaders: Loaders;
  /** The request's SQL time so far (answered as `extensions.dbTimeMs`). */
  dbTimer?: DbTimer;
  /** An access token this request issued (login, refresh): the router runs the rest of the operation as it. */
  signedIn?: string;
}

/** Per-request DataLoaders, created on first use under a stable key. */
export class Loaders {
  private readonly byKey = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.byKey.get(key);
    if (!loader) {
      loader = create();
      this.byKey.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/**
 * Loads entities by a unique column in one query per tick; missing keys resolve to null.
 * `where` may add conditions (the tenant filter applies anyway through `em`).
 */
export function byKeyLoader<E extends object, K extends string | number>(
  em: EntityManager,
  entity: new (...args: never[]) => E,
  column: keyof E & string = 'id' as keyof E & string,
): DataLoader<K, E | null> {
  return new DataLoader<K, E | null>(async (keys) => {
    const rows = await em.find(entity, { [column]: { $in: [...new Set(keys)] } });
    const index = new Map<unknown, E>(rows.map((row) => [(row as Record<string, unknown>)[column], row]));
    return keys.map((k) => index.get(k) ?? null);
  });
}

/** Loads the rows that point at each key (one-to-many) in one query per tick. */
export function groupLoader<E extends object, K extends string | number>(
  em: EntityManager,
  entity: new (...args: never[]) => E,
  column: keyof E & string,
  orderBy: Record<string, 'asc' | 'desc'> = { id: 'asc' },
): DataLoader<K, E[]> {
  return new DataLoader<K, E[]>(async (keys) => {
    const rows = await em.find(entity, { [column]: { $in: [...new Set(keys)] } }, {
      orderBy: orderBy as never,
    });
    const groups = new Map<unknown, E[]>();
    for (const row of rows as E[]) {
      const key = (row as Record<string, unknown>)[column];
      const list = groups.get(key) ?? [];
      list.push(row);
      groups.set(key, list);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/**
 * Counts rows per key (`SELECT col, count(*) … GROUP BY col`) in one query per tick, the filters (tenant,
 * soft delete) applied. Nothing is hydrated into the identity map.
 */
export function countLoader<E extends object>(
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
