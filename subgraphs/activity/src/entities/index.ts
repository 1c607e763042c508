import { directoryEntities, eventEntities } from '@platform/kit';
import { AuditEntry } from './audit-entry.entity';
import { Notification } from './notification.entity';
import { NotificationTemplate } from './notification-template.entity';
import { PublicNotification } from './public-notification.entity';
import { PublicNotificationRead } from './public-notification-read.entity';
import { KnownTenant, Membership, RecipientRole, RecipientUser } from './recipient-user.entity';

/**
 * Notifications, templates, announcements, the audit trail, the projections of other subgraphs' facts (identity's
 * users, roles and tenants; the collections subgraph's memberships), the kit's outbox tables and its directory of users.
 */
export const ACTIVITY_ENTITIES = [
  Notification,
  NotificationTemplate,
  PublicNotification,
  PublicNotificationRead,
  AuditEntry,
  RecipientUser,
  RecipientRole,
  Membership,
  KnownTenant,
  ...eventEntities,
  ...directoryEntities,
];
