import type { CollectionsModule } from '../module';

/** Communications, PTPs, repayments and quality inspections: the work done on cases. */
export const workModule: CollectionsModule = {
  resolvers: [],
  permissions: {},
};
