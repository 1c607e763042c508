import type { CollectionsModule } from '../module';

/** Case queues and their field configuration (CCO admin § 7). */
export const queuesModule: CollectionsModule = {
  resolvers: [],
  permissions: {},
};
