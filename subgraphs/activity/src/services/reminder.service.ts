import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from '@platform/kit';
import type { PubSub } from 'type-graphql';
import { Notification } from '../entities/notification.entity';
import { publishNotice } from './notification-delivery.service';

/**
 * Re-notifies unread notifications whose next reminder is due (their template's `repeat_interval_minutes`, at most
 * `max_remind_count` times). Every instance runs this job; each reminder is claimed with a conditional update
 * (`… where id = ? and remind_count = <as read>`), so exactly one instance wins it and sends it once.
 * `em` must be in the platform scope (every tenant's). Answers how many reminders this run sent.
 */
export async function sendDueReminders(
  em: EntityManager,
  live: { pubSub?: PubSub; logger?: Pick<Logger, 'warn'> },
  now = new Date(),
  batch = 100,
): Promise<number> {
  const due = await em.find(Notification, { read: false, nextRemindAt: { $lte: now } }, { orderBy: { nextRemindAt: 'asc', id: 'asc' }, limit: batch });
  let sent = 0;
  for (const notification of due) {
    const count = notification.remindCount + 1;
    const interval = (notification.remindIntervalMinutes ?? 0) * 60_000;
    const next = count < notification.maxRemindCount && interval > 0 ? new Date(now.getTime() + interval) : null;
    const claimed = await em.nativeUpdate(
      Notification,
      { id: notification.id, remindCount: notification.remindCount, read: false },
      { remindCount: count, nextRemindAt: next },
    );
    if (claimed !== 1) continue; // another instance sent it, or it was read meanwhile
    Object.assign(notification, { remindCount: count, nextRemindAt: next });
    await publishNotice(live, notification);
    sent++;
  }
  em.clear();
  return sent;
}
