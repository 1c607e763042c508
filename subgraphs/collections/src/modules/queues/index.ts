import { isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';

/** Case queues and their field configuration (CCO admin § 7). */
export const queuesModule: CollectionsModule = {
  resolvers: [],
  // Reached through Team.queue (org) until the queue queries exist; each root field names its own rule.
  permissions: { Queue: isAuthenticated },
};
