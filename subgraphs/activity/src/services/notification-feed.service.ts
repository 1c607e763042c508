import { parseId, type PubSubIterator } from '@platform/kit';
import { ActivityErrors } from '../activity.errors';
import { callerOf, type ActivityContext } from '../activity.context';
import type { Notification } from '../entities/notification.entity';
import { NOTIFICATION_RECEIVED, toMessage, type NotificationMessage } from '../resolvers/notification-received.topic';
import { notificationsAfter } from './notification.service';

/**
 * The most stored notices one subscription catches up with. Past it the subscription completes after them, and the
 * client subscribes again after the last one it got: a subscriber's buffer in the router stays bounded.
 */
export const CATCH_UP_LIMIT = 200;

/**
 * The caller's notifications: with `after`, first those stored after that id (the last one the client received),
 * oldest first, then the live ones, each once. The live channel is subscribed before the stored ones are read, so a
 * notice sent during the catch-up is not lost; one the catch-up already delivered is dropped when it arrives live.
 */
export function notificationFeed(ctx: ActivityContext, after: string | null | undefined): AsyncIterableIterator<NotificationMessage> {
  const caller = callerOf(ctx);
  let cursor: number | undefined;
  if (after !== undefined && after !== null) {
    const parsed = parseId(after);
    if (parsed === null) throw ActivityErrors.invalidNotificationId('after');
    cursor = parsed;
  }
  const live = ctx.pubSub.subscribe(NOTIFICATION_RECEIVED, caller.userId) as PubSubIterator<NotificationMessage>;
  return new NotificationFeed(live, caller.userId, cursor === undefined ? undefined : (limit) => notificationsAfter(ctx, caller.userId, cursor, limit));
}

/** Hand-written, like the kit's PubSub iterator: `return()` must end a feed waiting for its next live notice at once. */
class NotificationFeed implements AsyncIterableIterator<NotificationMessage> {
  private backlog?: NotificationMessage[];
  /** The catch-up stopped at its limit: the feed completes once the backlog is delivered. */
  private truncated = false;
  private readonly delivered = new Set<number>();
  private done = false;

  constructor(
    private readonly live: PubSubIterator<NotificationMessage>,
    private readonly recipientId: string,
    private readonly stored: ((limit: number) => Promise<Notification[]>) | undefined,
  ) {}

  async next(): Promise<IteratorResult<NotificationMessage>> {
    if (!this.backlog) await this.catchUp();
    const stored = this.backlog?.shift();
    if (this.done) return { value: undefined, done: true };
    if (stored) {
      this.delivered.add(stored.id);
      return { value: stored, done: false };
    }
    if (this.truncated) return this.return();
    for (;;) {
      const step = await this.live.next();
      if (step.done) return step;
      // Belt and braces: even a message on the wrong channel never reaches anyone but its recipient.
      if (step.value.recipientId !== this.recipientId) continue;
      // Sent by the catch-up already; a live id arrives at most once, so it is not looked for again.
      if (this.delivered.delete(step.value.id)) continue;
      return step;
    }
  }

  return(): Promise<IteratorResult<NotificationMessage>> {
    this.done = true;
    this.backlog = [];
    return this.live.return();
  }

  throw(): Promise<IteratorResult<NotificationMessage>> {
    return this.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private async catchUp(): Promise<void> {
    if (!this.stored) {
      this.backlog = [];
      return;
    }
    // Live first: from here on nothing sent is missed, whether the read below sees it or not.
    await this.live.ready;
    const rows = await this.stored(CATCH_UP_LIMIT + 1);
    this.truncated = rows.length > CATCH_UP_LIMIT;
    this.backlog = rows.slice(0, CATCH_UP_LIMIT).map(toMessage);
  }
}
