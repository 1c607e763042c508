import type { EntityManager } from '@mikro-orm/core';
import { LIVE_KINDS, type LiveKind, type Logger } from '@platform/kit';
import type { PubSub } from 'type-graphql';
import { Notification } from '../entities/notification.entity';
import { NotificationPriority } from '../entities/notification-priority.enum';
import { LIVE_TOPICS, type LiveMessage } from '../resolvers/live-events.topic';
import { NOTIFICATION_RECEIVED, toMessage } from '../resolvers/notification-received.topic';

/** One notice's content, as rendered from a template or given by a sender. */
export interface NoticeContent {
  title: string;
  body: string;
  category: string;
  priority?: NotificationPriority;
  forcedRead?: boolean;
  templateCode?: string | null;
  actionUrl?: string | null;
  displayDurationSeconds?: number | null;
  remindIntervalMinutes?: number | null;
  maxRemindCount?: number;
}

/** Where live notices go once the caller's transaction has committed (a request's afterCommit or a consumer's). */
export interface LiveDelivery {
  pubSub?: PubSub;
  logger?: Pick<Logger, 'warn'>;
  afterCommit(task: () => Promise<void>): void | Promise<void>;
  live?: { kind: string; data: Record<string, unknown> };
}

/**
 * Stores one notification per recipient in the caller's transaction and, after the commit, delivers each live on
 * `notificationReceived` (and on the typed subscription its notice names). A lost live notice (PubSub down) loses
 * nothing: the notification is stored and listed.
 */
export async function deliverNotices(
  em: EntityManager,
  tenantId: number,
  recipientIds: readonly string[],
  content: NoticeContent,
  delivery: LiveDelivery,
): Promise<Notification[]> {
  const now = Date.now();
  const reminds = !!content.remindIntervalMinutes && (content.maxRemindCount ?? 0) > 0;
  const notifications = recipientIds.map((recipientId) =>
    em.create(Notification, {
      tenantId,
      recipientId,
      title: content.title,
      body: content.body,
      category: content.category,
      priority: content.priority ?? NotificationPriority.medium,
      forcedRead: content.forcedRead ?? false,
      templateCode: content.templateCode ?? null,
      actionUrl: content.actionUrl ?? null,
      displayDurationSeconds: content.displayDurationSeconds ?? null,
      remindIntervalMinutes: content.remindIntervalMinutes ?? null,
      maxRemindCount: reminds ? content.maxRemindCount! : 0,
      nextRemindAt: reminds ? new Date(now + content.remindIntervalMinutes! * 60_000) : null,
    }),
  );
  await em.flush(); // the ids the live messages name
  const kind = liveKindOf(delivery.live?.kind, delivery.logger);
  await delivery.afterCommit(async () => {
    for (const notification of notifications) {
      await publishQuietly(delivery, notification, kind);
    }
  });
  return notifications;
}

/** Delivers one stored notification live again (a reminder): the same message as when it was sent. */
export function publishNotice(delivery: Pick<LiveDelivery, 'pubSub' | 'logger'>, notification: Notification): Promise<void> {
  return publishQuietly({ ...delivery, afterCommit: () => undefined }, notification, undefined);
}

function liveKindOf(kind: string | undefined, logger: Pick<Logger, 'warn'> | undefined): LiveKind | undefined {
  if (kind === undefined) return undefined;
  if ((LIVE_KINDS as readonly string[]).includes(kind)) return kind as LiveKind;
  logger?.warn({ kind }, 'unknown live event kind: only the notification is delivered');
  return undefined;
}

async function publishQuietly(delivery: LiveDelivery, notification: Notification, kind: LiveKind | undefined): Promise<void> {
  const { pubSub, logger } = delivery;
  if (!pubSub) return;
  try {
    // type-graphql types publish as void; the kit's resolves once sent, so a failure is awaited and caught either way.
    await Promise.resolve(pubSub.publish(NOTIFICATION_RECEIVED, notification.recipientId, toMessage(notification)));
    if (kind && delivery.live) {
      const message: LiveMessage = {
        recipientId: notification.recipientId,
        tenantId: notification.tenantId,
        notificationId: notification.id,
        data: delivery.live.data,
      };
      await Promise.resolve(pubSub.publish(LIVE_TOPICS[kind], notification.recipientId, message));
    }
  } catch (error) {
    logger?.warn({ err: error, notificationId: notification.id }, 'live notice not published');
  }
}
