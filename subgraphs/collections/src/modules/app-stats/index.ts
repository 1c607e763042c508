import { isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { AppStatsResolver, appStatsRules } from './resolvers/app-stats.resolver';
import { APP_STATS_TYPES } from './resolvers/app-stats.types';

/** The collector app's home page, ranking and statistics (CCO app § 2, § 8), counted in SQL on the agency's clock. */
export const appStatsModule: CollectionsModule = {
  resolvers: [AppStatsResolver],
  orphanedTypes: APP_STATS_TYPES,
  permissions: {
    ...appStatsRules,
    // The root fields decide who reaches the figures (the caller's own).
    ...Object.fromEntries(APP_STATS_TYPES.map((type) => [type.name, isAuthenticated])),
  },
};
