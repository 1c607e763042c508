import { z } from 'zod';
import { queryInt } from '../shared/inputs';

/** The collector app's paging (通用说明 · 分页参数): `page` from 1, `size` default 20, at most 100. */
export const imPageQuery = {
  page: queryInt(1).default(1).describe('页码（从1开始）'),
  size: queryInt(1, 100).default(20).describe('每页数量（默认20，最大100）'),
};

/** Exact amounts rendered as numbers with two decimals (decisions.md: money). */
export const amount = z.number().describe('exact, two decimals');

/** A document's `{key: count}` object: its schema, and the graph's `[{key, count}]` read into it (0 for a key not given). */
export const counts = <K extends string>(keys: readonly K[]) => ({
  schema: z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>),
  of: (rows: ReadonlyArray<{ key: string; count: number }>): Record<K, number> =>
    Object.fromEntries(keys.map((k) => [k, rows.find((row) => row.key === k)?.count ?? 0])) as Record<K, number>,
});

/** A date the app passes in a query string. */
export const queryDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
