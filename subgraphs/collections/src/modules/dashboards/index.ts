import { isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { DailyStatsResolver, dailyStatsRules } from './resolvers/daily-stats.resolver';

/** Types only the dashboards' queries (each guarded by dashboards:view) answer. */
const VALUE_TYPES = ['KeyCount', 'HourCount', 'CommunicationStats', 'PtpCollectorCount', 'PtpStats', 'QualityInspectionStats'];

/** Dashboards: communications, PTP, quality, performance, analytics, alerts, idle collectors (CCO admin § 11). */
export const dashboardsModule: CollectionsModule = {
  resolvers: [DailyStatsResolver],
  permissions: {
    Query: { ...dailyStatsRules },
    ...Object.fromEntries(VALUE_TYPES.map((type) => [type, isAuthenticated])),
  },
};
