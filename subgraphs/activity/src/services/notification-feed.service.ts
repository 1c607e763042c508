import { parseId, type Caller, type PubSubIterator } from '@platform/kit';
import { ActivityErrors } from '../activity.errors';
import { callerOf, type ActivityContext } from '../activity.context';
import type { Notification } from '../entities/notification.entity';
import { fromMessage, NOTIFICATION_RECEIVED, type NotificationMessage } from '../resolvers/notification-received.topic';
import { announcementIdOf, announcementNotice, PUBLIC_NOTICE, publicChannel, type PublicNoticeMessage } from '../resolvers/public-notice.topic';
import { announcementsAfter, feedPositionOf, type FeedCursor } from './feed-catch-up.service';
import { notificationsAfter } from './notification.service';

/**
 * The most stored notices one subscription catches up with. Past it the subscription completes after them, and the
 * client subscribes again after the last one it got: a subscriber's buffer in the router stays bounded.
 */
export const CATCH_UP_LIMIT = 200;

type TenantCaller = Caller & { tenantId: string };

/**
 * The caller's notifications and their tenant's announcements (and the platform-wide ones) as they take effect: with
 * `after` (the id of the last one the client received: a notification's id, or `public-<id>` for an announcement),
 * first those after it in feed order, oldest first, then the live ones, each once. Feed order: notification n at
 * (n.id, 0), announcement a at (a.feedPosition, 1, a.id) — the highest notification id when it took effect. The
 * live channels are subscribed before the stored ones are read, so a notice sent during the catch-up is not lost;
 * one the catch-up already delivered is dropped when it arrives live.
 */
export async function notificationFeed(ctx: ActivityContext, after: string | null | undefined): Promise<AsyncIterableIterator<Notification>> {
  const caller = callerOf(ctx);
  const cursor = after === undefined || after === null ? undefined : await cursorOf(ctx, caller, after);
  const subscribe = (topic: string, id: string) => ctx.pubSub.subscribe(topic, id) as PubSubIterator<unknown>;
  const channels = [subscribe(NOTIFICATION_RECEIVED, caller.userId)];
  // Platform accounts belong to no tenant: announcements are for the users of tenants.
  if (caller.tenantId !== null) {
    channels.push(subscribe(PUBLIC_NOTICE, publicChannel(Number(caller.tenantId))), subscribe(PUBLIC_NOTICE, publicChannel(null)));
  }
  const stored = cursor === undefined ? undefined : (limit: number) => storedAfter(ctx, caller, cursor, limit);
  return new NotificationFeed(new MergedChannels(channels), caller, stored);
}

async function cursorOf(ctx: ActivityContext, caller: Caller, after: string): Promise<FeedCursor> {
  const notificationId = parseId(after);
  if (notificationId !== null) return { position: notificationId, announcementId: 0 };
  const announcementId = announcementIdOf(after);
  const position = announcementId === undefined ? undefined : await feedPositionOf(ctx, caller, announcementId);
  if (position === undefined) throw ActivityErrors.invalidNotificationId('after');
  return { position, announcementId: announcementId! };
}

/** What the subscriber missed after `cursor`: notifications and announcements merged in feed order, at most `limit`. */
async function storedAfter(ctx: ActivityContext, caller: Caller, cursor: FeedCursor, limit: number): Promise<Notification[]> {
  const [notifications, announcements] = await Promise.all([
    notificationsAfter(ctx, caller.userId, cursor.position, limit),
    announcementsAfter(ctx, caller, cursor, limit),
  ]);
  const merged: Notification[] = [];
  let a = 0;
  for (const notification of notifications) {
    // An announcement at position p comes after notification p and before p + 1.
    while (a < announcements.length && announcements[a].position < notification.id) merged.push(announcements[a++].notice);
    merged.push(notification);
  }
  while (a < announcements.length) merged.push(announcements[a++].notice);
  return merged.slice(0, limit);
}

/** Hand-written, like the kit's PubSub iterator: `return()` must end a feed waiting for its next live notice at once. */
class NotificationFeed implements AsyncIterableIterator<Notification> {
  private backlog?: Notification[];
  /** The catch-up stopped at its limit: the feed completes once the backlog is delivered. */
  private truncated = false;
  private readonly delivered = new Set<string>();
  private done = false;

  constructor(
    private readonly live: MergedChannels,
    private readonly caller: Caller,
    private readonly stored: ((limit: number) => Promise<Notification[]>) | undefined,
  ) {}

  async next(): Promise<IteratorResult<Notification>> {
    if (!this.backlog) await this.catchUp();
    const stored = this.backlog?.shift();
    if (this.done) return { value: undefined, done: true };
    if (stored) {
      this.delivered.add(String(stored.id));
      return { value: stored, done: false };
    }
    if (this.truncated) return this.return();
    for (;;) {
      const step = await this.live.next();
      if (step.done) return { value: undefined, done: true };
      const notice = this.noticeOf(step.value);
      if (!notice) continue;
      // Sent by the catch-up already; a live id arrives at most once, so it is not looked for again.
      if (this.delivered.delete(String(notice.id))) continue;
      return { value: notice, done: false };
    }
  }

  return(): Promise<IteratorResult<Notification>> {
    this.done = true;
    this.backlog = [];
    return this.live.return();
  }

  throw(): Promise<IteratorResult<Notification>> {
    return this.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The caller's notice of a live message, or undefined when it is not theirs. */
  private noticeOf(message: unknown): Notification | undefined {
    if (isAnnouncement(message)) {
      // Belt and braces: another tenant's announcement never reaches this tenant's users, whatever the channel.
      if (message.tenantId !== null && String(message.tenantId) !== this.caller.tenantId) return undefined;
      return announcementNotice(message, this.caller as TenantCaller, null);
    }
    const notice = message as NotificationMessage;
    // Belt and braces: even a message on the wrong channel never reaches anyone but its recipient.
    return notice.recipientId === this.caller.userId ? fromMessage(notice) : undefined;
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
    this.backlog = rows.slice(0, CATCH_UP_LIMIT);
  }
}

const isAnnouncement = (message: unknown): message is PublicNoticeMessage =>
  typeof message === 'object' && message !== null && 'publicNotificationId' in message;

/**
 * Several PubSub channels read as one stream, in the order their messages arrive (one Redis connection delivers
 * every channel's messages in publish order). `return()` unsubscribes every channel at once.
 */
class MergedChannels {
  readonly ready: Promise<void>;
  private readonly buffer: unknown[] = [];
  private readonly waiting: ((result: IteratorResult<unknown>) => void)[] = [];
  private done = false;

  constructor(private readonly channels: PubSubIterator<unknown>[]) {
    this.ready = Promise.all(channels.map((c) => c.ready)).then(() => undefined);
    for (const channel of channels) void this.pump(channel);
  }

  next(): Promise<IteratorResult<unknown>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift(), done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async return(): Promise<IteratorResult<never>> {
    this.end();
    await Promise.all(this.channels.map((c) => c.return()));
    return { value: undefined, done: true };
  }

  private async pump(channel: PubSubIterator<unknown>): Promise<void> {
    for (;;) {
      const step = await channel.next();
      if (step.done || this.done) break;
      const resolve = this.waiting.shift();
      if (resolve) resolve({ value: step.value, done: false });
      else this.buffer.push(step.value);
    }
    // One channel ending (the PubSub closing) ends the feed: a partial feed would silently miss notices.
    this.end();
    for (const other of this.channels) void other.return();
  }

  private end(): void {
    if (this.done) return;
    this.done = true;
    this.buffer.length = 0;
    for (const resolve of this.waiting.splice(0)) resolve({ value: undefined, done: true });
  }
}
