import { z } from 'zod';
import { hr004 } from './hr004.family';

/** Shapes every 004 resource shares. */
export const ref = z.object({ id: z.string(), name: z.string() });
export const isoTime = z.string().describe('ISO 8601 UTC, e.g. 2024-01-15T10:30:00Z');

/**
 * A resource id in a 004 path. The document shows UUIDs, the platform's ids are integers: an id of any form is
 * looked up, and one that names nothing is 404 RESOURCE_001 (never 422: the request is well-formed).
 */
export const pathId = z.string().describe('The resource id (the platform issues integer ids)');
export const idParams = z.object({ id: pathId });

/** 004 list data: `{items, total, page, page_size, pages}`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), page_size: z.number().int(), pages: z.number().int() });

export const time = (value: string) => hr004.time(value);
export const timeOrNull = (value: string | null | undefined) => (value ? hr004.time(value) : null);

export const toPage = <G, R>(page: { items: G[]; total: number; page: number; pageSize: number; pages: number }, map: (item: G) => R) => ({
  items: page.items.map(map),
  total: page.total,
  page: page.page,
  page_size: page.pageSize,
  pages: page.pages,
});

/** The 004 list query: `page` (default 1), `page_size` (default 20, at most 100). */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1).describe('页码（默认 1）'),
  page_size: z.coerce.number().int().min(1).max(100).default(20).describe('每页数量（默认 20，最大 100）'),
};
