import { pageWindow, targetTenantId, toPage, type Paged, type PageWindow, parseId } from '@platform/kit';
import DataLoader from 'dataloader';
import { callerOf, type ActivityContext } from '../activity.context';
import { ActivityErrors } from '../activity.errors';
import { PublicNotification } from '../entities/public-notification.entity';
import { PublicNotificationRead } from '../entities/public-notification-read.entity';
import type { CreatePublicNotificationInput } from '../resolvers/public-notification.input';
import { parseTime, zoneOf } from './known-tenant.service';

/** The console's list: every announcement of the tenant, newest first. */
export async function listPublicNotifications(ctx: ActivityContext, paging: PageWindow): Promise<Paged<PublicNotification>> {
  const [items, total] = await ctx.em.findAndCount(PublicNotification, {}, { orderBy: { id: 'desc' }, ...pageWindow(paging) });
  return toPage(items, total, paging);
}

/** What a user of the tenant sees now: enabled announcements whose window holds the present, newest first. */
export async function listCurrentPublicNotifications(ctx: ActivityContext, paging: PageWindow): Promise<Paged<PublicNotification>> {
  callerOf(ctx);
  const now = new Date();
  const where = { enabled: true, effectiveStart: { $lte: now }, $or: [{ effectiveEnd: null }, { effectiveEnd: { $gte: now } }] };
  const [items, total] = await ctx.em.findAndCount(PublicNotification, where, {
    orderBy: { effectiveStart: 'desc', id: 'desc' },
    ...pageWindow(paging),
  });
  return toPage(items, total, paging);
}

export async function createPublicNotification(ctx: ActivityContext, input: CreatePublicNotificationInput): Promise<PublicNotification> {
  const tenantId = await targetTenantId(ctx, input.tenantId, 'tenantId');
  const zone = await zoneOf(ctx.em, tenantId);
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
  return notice;
}

/** Marks an announcement of the caller's tenant read for the caller (idempotent). */
export async function markPublicNotificationRead(ctx: ActivityContext, id: string): Promise<PublicNotification> {
  const caller = callerOf(ctx);
  const key = parseId(id);
  const notice = key === null ? null : await ctx.em.findOne(PublicNotification, { id: key });
  if (!notice) throw ActivityErrors.publicNotificationNotFound(id);
  const seen = await ctx.em.findOne(PublicNotificationRead, { publicNotificationId: notice.id, userId: caller.userId });
  if (!seen) {
    ctx.em.create(PublicNotificationRead, { publicNotificationId: notice.id, userId: caller.userId, tenantId: notice.tenantId, readAt: new Date() });
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
