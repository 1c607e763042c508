import { directoryEntities, eventEntities } from '@platform/kit';
import { Notification } from './notification.entity';

/** Notifications, the kit's outbox tables (written in the same transactions) and its directory of users. */
export const ACTIVITY_ENTITIES = [Notification, ...eventEntities, ...directoryEntities];
