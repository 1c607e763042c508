import type { CollectionsModule } from '../module';

/** Exports: the case list and the performance report as xlsx (CCO admin § 12). */
export const reportsModule: CollectionsModule = {
  resolvers: [],
  permissions: {},
};
