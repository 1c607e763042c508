import type { FilterQuery } from '@mikro-orm/core';
import { pageWindow, toPage, type Paged, type PageWindow } from '@platform/kit';
import type { ActivityContext } from '../activity.context';
import { AuditEntry } from '../entities/audit-entry.entity';
import type { AuditLogFilter } from '../resolvers/audit-log.args';
import { namedTenant } from './known-tenant.service';

/**
 * The audit trail of one tenant, newest first: the caller's own tenant, or (003's X-Tenant-Id) the one `filter.tenant`
 * names, which must be the caller's own unless a platform administrator asks. Each filter is backed by an index.
 */
export async function listAuditLogs(ctx: ActivityContext, filter: AuditLogFilter, paging: PageWindow): Promise<Paged<AuditEntry>> {
  const where: FilterQuery<AuditEntry> & Record<string, unknown> = {};
  if (filter.tenant !== undefined && filter.tenant !== null) where.tenantId = await namedTenant(ctx, filter.tenant);
  if (filter.resourceType) where.resourceType = filter.resourceType;
  if (filter.resourceId) where.resourceId = filter.resourceId;
  if (filter.actorId) where.actorId = filter.actorId;
  if (filter.from || filter.to) {
    where.occurredAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  }
  const [items, total] = await ctx.em.findAndCount(AuditEntry, where, {
    orderBy: { occurredAt: 'desc', id: 'desc' },
    ...pageWindow(paging),
  });
  return toPage(items, total, paging);
}
