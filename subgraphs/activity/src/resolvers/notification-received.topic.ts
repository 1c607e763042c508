import { Notification } from '../entities/notification.entity';

/** PubSub topic of live notices; the recipient's user id is the topic id, so each user has their own channel. */
export const NOTIFICATION_RECEIVED = 'NOTIFICATION_RECEIVED';

/** What travels on the PubSub: JSON-safe, since with Redis it crosses processes. */
export interface NotificationMessage {
  id: number;
  tenantId: number;
  recipientId: string;
  title: string;
  body: string;
  category: string;
  priority: Notification['priority'];
  forcedRead: boolean;
  templateCode: string | null;
  actionUrl: string | null;
  displayDurationSeconds: number | null;
  remindIntervalMinutes: number | null;
  maxRemindCount: number;
  remindCount: number;
  read: boolean;
  readAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const toMessage = (n: Notification): NotificationMessage => ({
  id: n.id,
  tenantId: n.tenantId,
  recipientId: n.recipientId,
  title: n.title,
  body: n.body,
  category: n.category,
  priority: n.priority,
  forcedRead: n.forcedRead,
  templateCode: n.templateCode ?? null,
  actionUrl: n.actionUrl ?? null,
  displayDurationSeconds: n.displayDurationSeconds ?? null,
  remindIntervalMinutes: n.remindIntervalMinutes ?? null,
  maxRemindCount: n.maxRemindCount,
  remindCount: n.remindCount,
  read: n.read,
  readAt: n.readAt ? n.readAt.toISOString() : null,
  createdAt: n.createdAt.toISOString(),
  updatedAt: n.updatedAt.toISOString(),
});

export function fromMessage(m: NotificationMessage): Notification {
  return Object.assign(new Notification(), {
    ...m,
    readAt: m.readAt ? new Date(m.readAt) : null,
    createdAt: new Date(m.createdAt),
    updatedAt: new Date(m.updatedAt),
  });
}
