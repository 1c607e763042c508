import type { EntityManager, EntityName, EntityProperty } from '@mikro-orm/core';
import { MySqlDriver } from '@mikro-orm/mysql';
import { executeSql } from './db-timer';

export interface BulkUpsertOptions<E> {
  /** The unique key a row is matched on; none: a plain insert. */
  conflict?: ReadonlyArray<keyof E & string>;
  /** Columns a matched row takes from the new one; none (or omitted): a matched row is left as it is. */
  merge?: ReadonlyArray<keyof E & string>;
  /** Rows per statement (default 1000): one round trip each, well under the servers' packet and parameter limits. */
  chunk?: number;
}

/**
 * Inserts many rows (a plain insert without `conflict`), updating (or keeping) those whose `conflict` key exists: `insert … on duplicate key update` on
 * MariaDB/MySQL, `insert … on conflict … do update / do nothing` on SQLite. One statement per chunk in the
 * EntityManager's transaction, values converted by the entities' own column types (money, JSON, dates), nothing
 * loaded into the identity map. For imports of thousands of rows: the ORM's per-entity work costs more than the SQL.
 * Every row must name the same properties.
 */
export async function bulkUpsert<E extends object>(
  em: EntityManager,
  entity: EntityName<E>,
  rows: ReadonlyArray<Partial<Record<keyof E & string, unknown>>>,
  options: BulkUpsertOptions<E> = {},
): Promise<void> {
  if (!rows.length) return;
  const meta = em.getMetadata().get(entity);
  const properties = meta.properties as Record<string, EntityProperty<E> | undefined>;
  const platform = em.getPlatform();
  const names = Object.keys(rows[0]);
  const props = names.map((name) => {
    const prop = properties[name];
    if (!prop?.fieldNames?.length) throw new Error(`bulkUpsert: ${meta.className} has no column for ${name}`);
    return prop;
  });
  const q = (id: string) => platform.quoteIdentifier(id);
  const column = (name: string) => q(properties[name]!.fieldNames[0]);
  const mysql = em.getDriver() instanceof MySqlDriver;
  const merge = options.merge ?? [];
  const conflict = options.conflict ?? [];
  const onConflict = !conflict.length
    ? ''
    : mysql
      ? ` on duplicate key update ${(merge.length ? merge : conflict.slice(0, 1)).map((n) => `${column(n)} = values(${column(n)})`).join(', ')}`
      : ` on conflict (${conflict.map(column).join(', ')}) do ${merge.length ? `update set ${merge.map((n) => `${column(n)} = excluded.${column(n)}`).join(', ')}` : 'nothing'}`;
  const head = `insert into ${q(meta.tableName)} (${props.map((p) => q(p.fieldNames[0])).join(', ')}) values `;
  const tuple = `(${props.map(() => '?').join(', ')})`;
  const convert = props.map((prop) => (value: unknown) => {
    if (value === null || value === undefined) return null;
    if (prop.customType) return prop.customType.convertToDatabaseValue(value, platform, { mode: 'query' }) as unknown;
    if (typeof value === 'boolean' && !mysql) return value ? 1 : 0;
    return value;
  });
  const size = options.chunk ?? 1000;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const params: unknown[] = [];
    for (const row of chunk) names.forEach((name, k) => params.push(convert[k]((row as Record<string, unknown>)[name])));
    await executeSql(em, head + chunk.map(() => tuple).join(', ') + onConflict, params);
  }
}
