import type { RbacCase } from '@platform/testkit';
import { CONSOLE } from './roles';

/**
 * The dashboards (dashboards:view): every admin-console role, the team leader included; collectors and other
 * tenants' plain roles are refused. Figures are empty for a profile-less caller, not an error; an agency outside
 * the caller's reach is NOT_FOUND, which the matrix counts as allowed by the shield.
 */
export const dashboardsCases: Record<string, RbacCase> = {
  'Query.communicationStats': { query: '{ communicationStats(date: "2025-11-20") { total } }', allow: CONSOLE },
  'Query.ptpStats': { query: '{ ptpStats(date: "2025-11-20") { total } }', allow: CONSOLE },
  'Query.qualityInspectionStats': { query: '{ qualityInspectionStats(date: "2025-11-20") { total } }', allow: CONSOLE },
  'Query.collectorPerformance': { query: '{ collectorPerformance(month: "2025-11") { total } }', allow: CONSOLE },
  'Query.dashboardAnalytics': { query: '{ dashboardAnalytics { totalCases } }', allow: CONSOLE },
  'Query.dashboardAlerts': { query: '{ dashboardAlerts { overCapacity { count } } }', allow: CONSOLE },
  'Query.idleCollectors': { query: '{ idleCollectors(agencyId: "999") { date } }', allow: CONSOLE },
};
