import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from '@platform/kit';
import type { PubSub } from 'type-graphql';
import { Notification } from '../entities/notification.entity';
import { PublicNotification } from '../entities/public-notification.entity';
import { PUBLIC_NOTICE, publicChannel, toPublicNoticeMessage } from '../resolvers/public-notice.topic';

export interface BroadcastLive {
  pubSub?: PubSub;
  logger?: Pick<Logger, 'warn'>;
}

/**
 * Pushes live every announcement that has taken effect and was not pushed yet: enabled, started, not ended. Every
 * instance runs this (on a timer, and right after creating one that starts at once); each announcement is claimed
 * with a conditional update (`… where id = ? and published_at is null`), so exactly one instance publishes it, once.
 * `em` must be in the platform scope (every tenant's). Answers how many it published.
 */
export async function publishDueAnnouncements(em: EntityManager, live: BroadcastLive, now = new Date(), batch = 100): Promise<number> {
  const due = await em.find(
    PublicNotification,
    { publishedAt: null, enabled: true, effectiveStart: { $lte: now }, $or: [{ effectiveEnd: null }, { effectiveEnd: { $gte: now } }] },
    { orderBy: { effectiveStart: 'asc', id: 'asc' }, limit: batch },
  );
  let published = 0;
  for (const notice of due) {
    if (await publishAnnouncement(em, live, notice, now)) published++;
  }
  em.clear();
  return published;
}

/**
 * Claims one announcement for publication and publishes it on its channel: one PubSub message, whatever the number
 * of subscribers. Its feed position is the highest notification id at the claim, so a subscriber's cursor orders it
 * after every notification stored before it took effect. False when another instance claimed it first.
 */
export async function publishAnnouncement(em: EntityManager, live: BroadcastLive, notice: PublicNotification, now = new Date()): Promise<boolean> {
  // The primary key's last entry (an index lookup); a fork, so the partial row stays out of the caller's identity map.
  const [latest] = await em.fork().find(Notification, {}, { orderBy: { id: 'desc' }, fields: ['id'], limit: 1 });
  const feedPosition = latest?.id ?? 0;
  const claimed = await em.nativeUpdate(PublicNotification, { id: notice.id, publishedAt: null }, { publishedAt: now, feedPosition });
  if (claimed !== 1) return false;
  Object.assign(notice, { publishedAt: now, feedPosition });
  if (!live.pubSub) return true;
  try {
    await Promise.resolve(live.pubSub.publish(PUBLIC_NOTICE, publicChannel(notice.tenantId), toPublicNoticeMessage(notice)));
  } catch (error) {
    // Stored and listed, and caught up by cursor: a lost live message loses nothing durable.
    live.logger?.warn({ err: error, publicNotificationId: notice.id }, 'announcement not published live');
  }
  return true;
}
