import type { CollectionsModule } from '../module';

/** Dashboards: communications, PTP, quality, performance, analytics, alerts, idle collectors (CCO admin § 11). */
export const dashboardsModule: CollectionsModule = {
  resolvers: [],
  permissions: {},
};
