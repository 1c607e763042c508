import { afterCommit, checkForeignRef, pageWindow, recordEvent, toPage, type Paged, parseId } from '@platform/kit';
import { ActivityErrors } from '../activity.errors';
import { callerOf, type ActivityContext } from '../activity.context';
import { Notification } from '../entities/notification.entity';
import { notificationById } from '../loaders/notification-by-id.loader';
import type { MyNotificationsArgs } from '../resolvers/my-notifications.args';
import { NOTIFICATION_RECEIVED, toMessage } from '../resolvers/notification-received.topic';
import type { SendNotificationInput } from '../resolvers/send-notification.input';

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
  const where = { recipientId: callerOf(ctx).userId, ...(args.unreadOnly ? { read: false } : {}) };
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
  const notification = em.create(Notification, {
    tenantId,
    recipientId: input.recipientId,
    title: input.title,
    body: input.body,
    category: input.category,
  });
  await em.flush(); // the auto-increment id, which the event names
  recordEvent(em, {
    topic: NOTIFICATION_SENT,
    tenantId,
    aggregateId: String(notification.id),
    payload: { notificationId: notification.id, recipientId: notification.recipientId, category: notification.category },
  });
  // Published only after the commit, so no subscriber sees a notice that was rolled back. A lost live notice
  // (PubSub down) loses nothing: the notification is stored and listed by myNotifications.
  await afterCommit(ctx, () => publishQuietly(ctx, notification));
  return notification;
}

export async function markNotificationRead(ctx: ActivityContext, id: string): Promise<Notification> {
  const notification = await findOwnNotification(ctx, id);
  if (!notification.read) {
    notification.read = true;
    notification.readAt = new Date();
    await ctx.em.flush();
  }
  return notification;
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

async function publishQuietly(ctx: ActivityContext, notification: Notification): Promise<void> {
  try {
    // type-graphql types publish as void; the kit's resolves once sent, so a failure is awaited and caught either way.
    await Promise.resolve(ctx.pubSub.publish(NOTIFICATION_RECEIVED, notification.recipientId, toMessage(notification)));
  } catch (error) {
    ctx.logger.warn({ err: error, notificationId: notification.id }, 'live notice not published');
  }
}
