import { PageType } from '@platform/kit';
import { Notification } from './notification.entity';

export const NotificationPage = PageType(Notification);
