export { activityConfigSchema, loadActivityConfig, type ActivityConfig } from './config';
export type { ActivityContext } from './context';
export { ACTIVITY_ENTITIES } from './entities';
export { Notification } from './entities/notification.entity';
export { permissions as activityPermissions } from './permissions';
export { NOTIFICATION_RECEIVED, type NotificationMessage } from './resolvers/notification-received.topic';
export { createActivity, type ActivityDeps } from './runtime';
export { buildActivitySchema } from './schema';
