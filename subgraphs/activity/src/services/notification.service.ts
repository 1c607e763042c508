import type { FilterQuery } from '@mikro-orm/core';
import { afterCommit, checkForeignRef, pageWindow, recordEvent, toPage, type Paged, parseId } from '@platform/kit';
import { ActivityErrors } from '../activity.errors';
import { callerOf, type ActivityContext } from '../activity.context';
import { Notification } from '../entities/notification.entity';
import { notificationById } from '../loaders/notification-by-id.loader';
import type { MyNotificationsArgs } from '../resolvers/my-notifications.args';
import type { SendNotificationInput } from '../resolvers/send-notification.input';
import { deliverNotices } from './notification-delivery.service';

export const NOTIFICATION_SENT = 'notification.sent';

/** The caller's own notification; anyone else's answers NOT_FOUND, exactly as a missing one does. */
export async function findOwnNotification(ctx: ActivityContext, id: string): Promise<Notification> {
  const caller = callerOf(ctx);
  const key = parseId(id);
  if (key === null) throw ActivityErrors.invalidNotificationId('id');
  const notification = await notificationById(ctx).load(key);
  if (!notification || notification.recipientId !== caller.userId) throw ActivityErrors.notificationNotFound(id);
  return notification;
}

export async function listMyNotifications(ctx: ActivityContext, args: MyNotificationsArgs): Promise<Paged<Notification>> {
  const where: FilterQuery<Notification> & Record<string, unknown> = { recipientId: callerOf(ctx).userId };
  if (args.unreadOnly) where.read = false;
  else if (args.read !== undefined && args.read !== null) where.read = args.read;
  if (args.category) where.category = args.category;
  const paging = args.window();
  const [items, total] = await ctx.em.findAndCount(Notification, where, {
    orderBy: { id: 'desc' }, // ids grow with time: newest first
    ...pageWindow(paging),
  });
  return toPage(items, total, paging);
}

/**
 * The recipient's notifications sent after the one with id `after`, oldest first: the catch-up of a subscriber
 * coming back (ids grow with time). At most `limit`.
 */
export async function notificationsAfter(ctx: ActivityContext, recipientId: string, after: number, limit: number): Promise<Notification[]> {
  // A fork: a subscription's context outlives any one request, and its catch-up must not see a stale identity map.
  return ctx.em.fork().find(Notification, { recipientId, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit });
}

export async function sendNotification(ctx: ActivityContext, input: SendNotificationInput): Promise<Notification> {
  const tenantId = targetTenant(ctx, input.tenantId);
  // The recipient must be a user of that tenant: another tenant's user and a missing one are alike NOT_FOUND.
  await checkForeignRef(ctx, 'User', input.recipientId, { tenantId });
  const { em } = ctx; // the mutation's transaction (the kit's): the notification and its event commit together
  const [notification] = await deliverNotices(em, tenantId, [input.recipientId], input, {
    pubSub: ctx.pubSub,
    logger: ctx.logger,
    // Published only after the commit, so no subscriber sees a notice that was rolled back.
    afterCommit: (task) => afterCommit(ctx, task),
  });
  recordEvent(em, {
    topic: NOTIFICATION_SENT,
    tenantId,
    aggregateId: String(notification.id),
    payload: { notificationId: notification.id, recipientId: notification.recipientId, category: notification.category },
  });
  return notification;
}

export async function markNotificationRead(ctx: ActivityContext, id: string): Promise<Notification> {
  const notification = await findOwnNotification(ctx, id);
  markRead(notification, new Date());
  await ctx.em.flush();
  return notification;
}

/**
 * Marks several of the caller's notifications read at once. All or nothing: an id that is not one of the caller's
 * notifications answers NOT_FOUND (BAD_USER_INPUT when it is no id) and marks none.
 */
export async function markNotificationsRead(ctx: ActivityContext, ids: string[]): Promise<Notification[]> {
  if (ids.length < 1 || ids.length > 100) throw ActivityErrors.invalidBatch();
  const keys = ids.map((id) => {
    const key = parseId(id);
    if (key === null) throw ActivityErrors.invalidNotificationId('ids');
    return key;
  });
  const loaded = await notificationById(ctx).loadMany([...new Set(keys)]);
  const caller = callerOf(ctx);
  const now = new Date();
  const found: Notification[] = [];
  for (const [i, notification] of loaded.entries()) {
    if (!notification || notification instanceof Error || notification.recipientId !== caller.userId) {
      throw ActivityErrors.notificationNotFound(ids[i]);
    }
    found.push(notification);
  }
  for (const notification of found) markRead(notification, now);
  await ctx.em.flush();
  return found;
}

/** Read: idempotent, and no reminder follows any more. */
function markRead(notification: Notification, at: Date): void {
  if (notification.read) return;
  notification.read = true;
  notification.readAt = at;
  notification.nextRemindAt = null;
}

/** A tenant's sender writes into their own tenant; the platform administrator names the tenant. */
function targetTenant(ctx: ActivityContext, requested: string | undefined): number {
  const own = callerOf(ctx).tenantId;
  if (own === null) {
    if (!requested) throw ActivityErrors.tenantRequired();
    return Number(requested); // the input validated it as an integer id
  }
  if (requested && requested !== own) throw ActivityErrors.otherTenant();
  return Number(own);
}
