import type { FilterQuery } from '@mikro-orm/core';
import { afterCommit, forkForTenant, pageWindow, targetTenantId, toPage, type Paged, type PageWindow, parseId, TENANT_FILTER } from '@platform/kit';
import DataLoader from 'dataloader';
import { callerOf, type ActivityContext } from '../activity.context';
import { ActivityErrors } from '../activity.errors';
import { PublicNotification } from '../entities/public-notification.entity';
import { PublicNotificationRead } from '../entities/public-notification-read.entity';
import type { CreatePublicNotificationInput } from '../resolvers/public-notification.input';
import { publishAnnouncement } from './announcement-broadcast.service';
import { parseTime, zoneOf } from './known-tenant.service';

/** The tenant filter is off where platform-wide rows (no tenant) are read beside the tenant's own. */
const ALL_TENANTS = { filters: { [TENANT_FILTER]: false } };

/** Announcements a user of `tenantId` is shown: the tenant's own and the platform-wide ones (none for platform accounts). */
export function visibleTo(tenantId: string | null): FilterQuery<PublicNotification> {
  return tenantId === null ? { tenantId: null } : { $or: [{ tenantId: Number(tenantId) }, { tenantId: null }] };
}

/** The console's list: every announcement of the tenant, newest first. */
export async function listPublicNotifications(ctx: ActivityContext, paging: PageWindow): Promise<Paged<PublicNotification>> {
  const [items, total] = await ctx.em.findAndCount(PublicNotification, {}, { orderBy: { id: 'desc' }, ...pageWindow(paging) });
  return toPage(items, total, paging);
}

/** What a user of the tenant sees now: enabled announcements whose window holds the present, newest first. */
export async function listCurrentPublicNotifications(ctx: ActivityContext, paging: PageWindow): Promise<Paged<PublicNotification>> {
  const caller = callerOf(ctx);
  const now = new Date();
  const where: FilterQuery<PublicNotification> = {
    $and: [visibleTo(caller.tenantId), { enabled: true, effectiveStart: { $lte: now } }, { $or: [{ effectiveEnd: null }, { effectiveEnd: { $gte: now } }] }],
  };
  const [items, total] = await ctx.em.findAndCount(PublicNotification, where, {
    orderBy: { effectiveStart: 'desc', id: 'desc' },
    ...pageWindow(paging),
    ...ALL_TENANTS,
  });
  return toPage(items, total, paging);
}

export async function createPublicNotification(ctx: ActivityContext, input: CreatePublicNotificationInput): Promise<PublicNotification> {
  const tenantId = input.platformWide ? platformWide(ctx, input) : await targetTenantId(ctx, input.tenantId, 'tenantId');
  // A platform-wide one names no tenant's zone: its local times are UTC.
  const zone = tenantId === null ? 'UTC' : await zoneOf(ctx.em, tenantId);
  const effectiveStart = parseTime(input.effectiveStart, zone, 'effectiveStart');
  const effectiveEnd = input.effectiveEnd ? parseTime(input.effectiveEnd, zone, 'effectiveEnd') : null;
  if (effectiveEnd && effectiveEnd < effectiveStart) throw ActivityErrors.windowReversed();
  const notice = ctx.em.create(PublicNotification, {
    tenantId,
    title: input.title,
    content: input.content,
    forcedRead: input.forcedRead ?? false,
    effectiveStart,
    effectiveEnd,
    enabled: input.enabled ?? true,
    createdBy: callerOf(ctx).userId,
  });
  await ctx.em.flush();
  // In effect already: pushed live once committed (the publishing job pushes the others when they start, and this
  // one too should this instance stop before it does).
  const now = Date.now();
  if (notice.enabled && effectiveStart.getTime() <= now && (!effectiveEnd || effectiveEnd.getTime() >= now)) {
    await afterCommit(ctx, () => publishAnnouncement(forkForTenant(ctx.em, null), { pubSub: ctx.pubSub, logger: ctx.logger }, notice));
  }
  return notice;
}

/** Only the platform's administrators announce to every tenant. */
function platformWide(ctx: ActivityContext, input: CreatePublicNotificationInput): null {
  if (callerOf(ctx).tenantId !== null) throw ActivityErrors.platformWideOnly();
  if (input.tenantId) throw ActivityErrors.platformWideWithTenant();
  return null;
}

/** Marks an announcement of the caller's tenant read for the caller (idempotent). */
export async function markPublicNotificationRead(ctx: ActivityContext, id: string): Promise<PublicNotification> {
  const caller = callerOf(ctx);
  const key = parseId(id);
  const notice = key === null ? null : await ctx.em.findOne(PublicNotification, { $and: [{ id: key }, visibleTo(caller.tenantId)] }, ALL_TENANTS);
  if (!notice) throw ActivityErrors.publicNotificationNotFound(id);
  const seen = await ctx.em.findOne(PublicNotificationRead, { publicNotificationId: notice.id, userId: caller.userId });
  if (!seen) {
    // The reader's tenant (a platform-wide announcement has none of its own).
    const tenantId = notice.tenantId ?? Number(caller.tenantId);
    ctx.em.create(PublicNotificationRead, { publicNotificationId: notice.id, userId: caller.userId, tenantId, readAt: new Date() });
    await ctx.em.flush();
  }
  publicReadAt(ctx).clear(notice.id);
  return notice;
}

/** When the caller read each announcement of a page (null: not yet), in one statement per page. */
export const publicReadAt = (ctx: ActivityContext) =>
  ctx.loaders.get('publicReadAt', () => new DataLoader<number, Date | null>(async (ids) => {
    const rows = await ctx.em.find(PublicNotificationRead, { publicNotificationId: { $in: [...new Set(ids)] }, userId: callerOf(ctx).userId });
    const byId = new Map(rows.map((r) => [r.publicNotificationId, r.readAt]));
    return ids.map((id) => byId.get(id) ?? null);
  }));
