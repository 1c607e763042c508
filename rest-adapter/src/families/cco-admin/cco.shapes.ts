import { z } from 'zod';
import { intIdParam, queryInt } from '../shared/inputs';
import type { ErrorMessages } from '../../framework/family';
import { ccoAdmin, CCO_MESSAGES } from './cco-admin.family';

/** CCO list data: `{total, page, size, items}`. */
export const ccoPage = <T extends z.ZodType>(item: T) =>
  z.object({ total: z.number().int(), page: z.number().int(), size: z.number().int(), items: z.array(item) });

/** CCO paging (通用说明 · 分页参数): `page` from 1, `size` default 10, at most 100. */
export const ccoPageQuery = {
  page: queryInt(1).default(1).describe('页码（从1开始）'),
  size: queryInt(1, 100).default(10).describe('每页数量（默认10，最大100）'),
};

export const localTime = z.string().describe('YYYY-MM-DD HH:mm:ss in the tenant\'s time zone');

export const ccoTime = (value: string, zone: string) => ccoAdmin.time(value, zone);
export const ccoTimeOrNull = (value: string | null | undefined, zone: string) =>
  value ? ccoAdmin.time(value, zone) : null;

export const tenantParams = z.object({ tenant_id: intIdParam });

/**
 * The graph words an invalid field by its GraphQL name (`effectiveStart must be …`); the client knows it by the
 * document's (`effective_start_time`), which the adapter has already put in `details.field`. The adapter's own
 * input errors already name the field (`priority: …`) and keep the family's wording.
 */
export const ccoFieldMessages: ErrorMessages = {
  BAD_USER_INPUT: (e) =>
    typeof e.details.field === 'string' && !e.message.startsWith(`${e.details.field}:`)
      ? `${CCO_MESSAGES.BAD_USER_INPUT}：${e.details.field}: ${e.message.replace(/^\S+ (?=must )/, '')}`
      : undefined,
};

/** The zone a caller's tenant shows local times in (UTC until identity has announced the tenant to activity). */
export const tenantZone = (me: { tenant?: { zone: string } | null }) => me.tenant?.zone ?? 'UTC';

interface Announcement {
  id: string;
  title: string;
  content: string;
  forcedRead: boolean;
  effectiveStart: string;
  effectiveEnd?: string | null;
  createdAt: string;
}

/** An announcement (public notification) as the admin console and the collector app both show it. */
export const announcementItem = (n: Announcement, zone: string) => ({
  id: Number(n.id),
  title: n.title,
  content: n.content,
  is_forced_read: n.forcedRead,
  effective_start_time: ccoTime(n.effectiveStart, zone),
  effective_end_time: ccoTimeOrNull(n.effectiveEnd, zone),
  created_at: ccoTime(n.createdAt, zone),
});
