import { eventEntities } from '@platform/kit';
import { Notification } from './notification.entity';

/** Notifications plus the kit's outbox tables, written in the same transactions. */
export const ACTIVITY_ENTITIES = [Notification, ...eventEntities];
