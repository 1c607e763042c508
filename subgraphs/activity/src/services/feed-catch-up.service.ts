import type { FilterQuery } from '@mikro-orm/core';
import { TENANT_FILTER, type Caller } from '@platform/kit';
import type { ActivityContext } from '../activity.context';
import type { Notification } from '../entities/notification.entity';
import { PublicNotification } from '../entities/public-notification.entity';
import { PublicNotificationRead } from '../entities/public-notification-read.entity';
import { announcementNotice, toPublicNoticeMessage } from '../resolvers/public-notice.topic';
import { visibleTo } from './public-notification.service';

/**
 * Where a subscriber's cursor stands in feed order: after notification `position` (announcementId 0), or after
 * announcement `announcementId`, which sits at `position` (its feedPosition).
 */
export interface FeedCursor {
  position: number;
  announcementId: number;
}

const ALL_TENANTS = { filters: { [TENANT_FILTER]: false } };

/** The feed position of an announcement the caller was shown (published, theirs), or undefined. */
export async function feedPositionOf(ctx: ActivityContext, caller: Caller, announcementId: number): Promise<number | undefined> {
  if (caller.tenantId === null) return undefined;
  const notice = await ctx.em.fork().findOne(
    PublicNotification,
    { $and: [{ id: announcementId, publishedAt: { $ne: null } }, visibleTo(caller.tenantId)] },
    ALL_TENANTS,
  );
  return notice?.feedPosition ?? undefined;
}

/**
 * The announcements a subscriber missed after `cursor`, in feed order, each as the caller's notice with their read
 * state: published ones of their tenant or the platform, still enabled and not ended (an announcement whose window
 * closed while they were away is no longer shown). At most `limit`, in two statements.
 */
export async function announcementsAfter(
  ctx: ActivityContext,
  caller: Caller,
  cursor: FeedCursor,
  limit: number,
): Promise<{ position: number; notice: Notification }[]> {
  if (caller.tenantId === null) return [];
  const tenantCaller = caller as Caller & { tenantId: string };
  const em = ctx.em.fork(); // a subscription's context outlives any one request
  const now = new Date();
  const where: FilterQuery<PublicNotification> = {
    $and: [
      visibleTo(caller.tenantId),
      { enabled: true, publishedAt: { $ne: null } },
      { $or: [{ effectiveEnd: null }, { effectiveEnd: { $gte: now } }] },
      { $or: [{ feedPosition: { $gt: cursor.position } }, { feedPosition: cursor.position, id: { $gt: cursor.announcementId } }] },
    ],
  };
  const rows = await em.find(PublicNotification, where, { orderBy: { feedPosition: 'asc', id: 'asc' }, limit, ...ALL_TENANTS });
  if (rows.length === 0) return [];
  const reads = await em.find(PublicNotificationRead, { publicNotificationId: { $in: rows.map((r) => r.id) }, userId: caller.userId });
  const readAt = new Map(reads.map((r) => [r.publicNotificationId, r.readAt]));
  return rows.map((row) => ({
    position: row.feedPosition ?? 0,
    notice: announcementNotice(toPublicNoticeMessage(row), tenantCaller, readAt.get(row.id) ?? null),
  }));
}
