import { isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { DailyStatsResolver, dailyStatsRules } from './resolvers/daily-stats.resolver';
import { OverviewResolver, overviewRules } from './resolvers/overview.resolver';
import { PerformanceResolver, performanceRules } from './resolvers/performance.resolver';

/** Types only the dashboards' queries (each guarded by dashboards:view) answer. */
const VALUE_TYPES = [
  'KeyCount',
  'HourCount',
  'CommunicationStats',
  'PtpCollectorCount',
  'PtpStats',
  'QualityInspectionStats',
  'CollectorPerformance',
  'CollectorPerformancePage',
  'CaseGroupFigures',
  'DashboardAnalytics',
  'OverCapacityCollector',
  'BrokenPtpAlert',
  'UncontactedCase',
  'IdleCollectorAlert',
  'OverCapacityAlerts',
  'BrokenPtpAlerts',
  'UncontactedCaseAlerts',
  'IdleCollectorAlerts',
  'DashboardAlerts',
  'IdleCollector',
  'IdleReport',
];

/** Dashboards: communications, PTP, quality, performance, analytics, alerts, idle collectors (CCO admin § 11). */
export const dashboardsModule: CollectionsModule = {
  resolvers: [DailyStatsResolver, PerformanceResolver, OverviewResolver],
  permissions: {
    Query: { ...dailyStatsRules, ...performanceRules, ...overviewRules },
    ...Object.fromEntries(VALUE_TYPES.map((type) => [type, isAuthenticated])),
  },
};
