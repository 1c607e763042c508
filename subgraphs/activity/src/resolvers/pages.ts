import { PageType } from '@platform/kit';
import { AuditEntry } from '../entities/audit-entry.entity';
import { Notification } from '../entities/notification.entity';
import { NotificationTemplate } from '../entities/notification-template.entity';
import { PublicNotification } from '../entities/public-notification.entity';

export const NotificationPage = PageType(Notification);
export const NotificationTemplatePage = PageType(NotificationTemplate);
export const PublicNotificationPage = PageType(PublicNotification);
export const AuditEntryPage = PageType(AuditEntry);
