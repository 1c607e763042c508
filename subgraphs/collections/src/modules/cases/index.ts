import type { CollectionsModule } from '../module';

/** Cases: list, search, detail with masked personal data, import, assignment, transfer, status (CCO admin § 8). */
export const casesModule: CollectionsModule = {
  resolvers: [],
  permissions: {},
};
