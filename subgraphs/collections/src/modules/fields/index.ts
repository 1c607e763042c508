import type { CollectionsModule } from '../module';

/** Standard fields, field groups and each tenant’s field display per scene (CCO admin § 9). */
export const fieldsModule: CollectionsModule = {
  resolvers: [],
  permissions: {},
};
