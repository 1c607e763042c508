import { isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { QueueConfig, QueueFieldSetting } from './resolvers/queue-config.types';
import { QueuePage, QueueResolver, queueRules } from './resolvers/queue.resolver';

export { queueForOverdueDays } from './services/queue-for-overdue-days';

/** Case queues and their field configuration (CCO admin § 7). */
export const queuesModule: CollectionsModule = {
  resolvers: [QueueResolver],
  permissions: {
    ...queueRules,
    // The root fields decide who reaches a queue; a case's queue is read wherever the case is.
    Queue: isAuthenticated,
    QueuePage: isAuthenticated,
    QueueConfig: isAuthenticated,
    QueueFieldSetting: isAuthenticated,
  },
  orphanedTypes: [QueuePage, QueueConfig, QueueFieldSetting],
};
