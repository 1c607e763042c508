import type { CollectionsModule } from '../module';

/** Tenant system configuration and agency working hours (CCO admin § 13). */
export const configModule: CollectionsModule = {
  resolvers: [],
  permissions: {},
};
