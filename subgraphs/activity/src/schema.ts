import { buildFederatedSchema, type SubgraphSchema } from '@platform/kit';
import type { PubSub } from 'type-graphql';
import { UserStub } from './entities/user.stub';
import { permissions } from './permissions';
import { NotificationReceivedResolver } from './resolvers/notification-received.resolver';
import { notificationReferences } from './resolvers/notification.reference';
import { NotificationResolver } from './resolvers/notification.resolver';

export function buildActivitySchema(pubSub: PubSub): Promise<SubgraphSchema> {
  return buildFederatedSchema({
    resolvers: [NotificationResolver, NotificationReceivedResolver],
    orphanedTypes: [UserStub],
    references: notificationReferences,
    pubSub,
    permissions,
  });
}
