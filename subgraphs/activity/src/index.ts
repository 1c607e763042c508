import 'reflect-metadata';

export { activityConfigSchema, loadActivityConfig, type ActivityConfig } from './config';
export type { ActivityContext } from './activity.context';
export { ActivityErrors } from './activity.errors';
export { activity, activity as subgraph, type ActivityDeps, type ActivityRuntime } from './activity.subgraph';
export { ACTIVITY_ENTITIES } from './entities';
export { Notification } from './entities/notification.entity';
export { listen } from './main';
export { permissions } from './permissions';
export { NOTIFICATION_RECEIVED, type NotificationMessage } from './resolvers/notification-received.topic';
