import type { Caller } from '@platform/kit';
import { Notification } from '../entities/notification.entity';
import { NotificationPriority } from '../entities/notification-priority.enum';
import type { PublicNotification } from '../entities/public-notification.entity';

/**
 * PubSub topic of announcements as they take effect: ONE message per announcement on its tenant's channel (or the
 * platform's), which every `notificationReceived` feed of that tenant listens to — the fan-out to subscribers happens
 * where they are subscribed, never by publishing once per user.
 */
export const PUBLIC_NOTICE = 'PUBLIC_NOTICE';

/** The channel (topic id) of a tenant's announcements; `null` is the platform-wide one. */
export const publicChannel = (tenantId: number | null): string => (tenantId === null ? 'platform' : `tenant-${tenantId}`);

/** Category of an announcement delivered on the notification feed. */
export const ANNOUNCEMENT_CATEGORY = 'announcement';

/** An announcement's id on the notification feed (and as its `after` cursor), apart from notification ids. */
const FEED_ID_PREFIX = 'public-';
export const announcementFeedId = (id: number): string => `${FEED_ID_PREFIX}${id}`;

/** The announcement id of a feed id like `public-7`, or undefined when it names no announcement. */
export function announcementIdOf(feedId: string): number | undefined {
  if (!feedId.startsWith(FEED_ID_PREFIX)) return undefined;
  const digits = feedId.slice(FEED_ID_PREFIX.length);
  if (!/^[1-9][0-9]{0,15}$/.test(digits)) return undefined;
  const id = Number(digits);
  return Number.isSafeInteger(id) ? id : undefined;
}

/** What travels on the PubSub: JSON-safe, since with Redis it crosses processes. */
export interface PublicNoticeMessage {
  publicNotificationId: number;
  tenantId: number | null;
  title: string;
  content: string;
  forcedRead: boolean;
  feedPosition: number;
  publishedAt: string;
}

export const toPublicNoticeMessage = (n: PublicNotification): PublicNoticeMessage => ({
  publicNotificationId: n.id,
  tenantId: n.tenantId,
  title: n.title,
  content: n.content,
  forcedRead: n.forcedRead,
  feedPosition: n.feedPosition ?? 0,
  publishedAt: (n.publishedAt ?? new Date()).toISOString(),
});

/**
 * One subscriber's notice of an announcement: shaped as a notification addressed to them (so every client of
 * `notificationReceived` shows it unchanged), its id `public-<id>`, its time when it took effect. Not stored per
 * user: read state lives in PublicNotificationRead.
 */
export function announcementNotice(m: PublicNoticeMessage, recipient: Caller & { tenantId: string }, readAt: Date | null): Notification {
  const at = new Date(m.publishedAt);
  return Object.assign(new Notification(), {
    // A string where notifications have integer ids: GraphQL's ID carries either, and the prefix keeps them apart.
    id: announcementFeedId(m.publicNotificationId) as unknown as number,
    publicNotificationId: m.publicNotificationId,
    tenantId: m.tenantId ?? Number(recipient.tenantId),
    recipientId: recipient.userId,
    title: m.title,
    body: m.content,
    category: ANNOUNCEMENT_CATEGORY,
    priority: m.forcedRead ? NotificationPriority.high : NotificationPriority.medium,
    forcedRead: m.forcedRead,
    templateCode: null,
    actionUrl: null,
    displayDurationSeconds: null,
    remindIntervalMinutes: null,
    maxRemindCount: 0,
    remindCount: 0,
    read: readAt !== null,
    readAt,
    createdAt: at,
    updatedAt: at,
  });
}
