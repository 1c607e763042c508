import { join } from 'node:path';
import {
  defineSubgraph,
  foreignRefConsumer,
  USER_REFS,
  type RunningSubgraph,
  type SubgraphDeps,
} from '@platform/kit';
import type { ActivityContext } from './activity.context';
import { activityConfigSchema, type ActivityConfig } from './config';
import { ACTIVITY_ENTITIES } from './entities';
import { UserStub } from './entities/user.stub';
import { permissions } from './permissions';
import { NotificationReceivedResolver } from './resolvers/notification-received.resolver';
import { notificationReference } from './resolvers/notification.reference';
import { NotificationResolver } from './resolvers/notification.resolver';

/** Notifications: stored per recipient, delivered live over subscriptions. */
export const activity = defineSubgraph({
  name: 'activity',
  config: activityConfigSchema,
  entities: ACTIVITY_ENTITIES,
  resolvers: [NotificationResolver, NotificationReceivedResolver],
  orphanedTypes: [UserStub],
  references: { Notification: notificationReference },
  permissions,
  migrations: join(__dirname, 'migrations'),
  // Recipients are checked against identity's users as identity announces them (checkForeignRef).
  consumers: [foreignRefConsumer([USER_REFS])],
});

export type ActivityRuntime = RunningSubgraph<ActivityConfig, ActivityContext['services'], ActivityContext>;
export type ActivityDeps = SubgraphDeps;
