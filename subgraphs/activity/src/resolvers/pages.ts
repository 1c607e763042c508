import { PageType } from '@platform/kit';
import { Notification } from '../entities/notification.entity';

export const NotificationPage = PageType(Notification);
