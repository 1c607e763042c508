import { isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { CaseExportResolver, caseExportRules } from './resolvers/case-export.resolver';
import { PerformanceReportResolver, performanceReportRules } from './resolvers/performance-report.resolver';

/**
 * Exports: the case list and the performance report (CCO admin § 12), as columns and keyset pages of rows the REST
 * adapter streams into an .xlsx. Filters, columns, header names and masking are decided here.
 */
export const reportsModule: CollectionsModule = {
  resolvers: [CaseExportResolver, PerformanceReportResolver],
  permissions: {
    Query: { ...caseExportRules, ...performanceReportRules },
    ReportColumn: isAuthenticated,
    ReportRows: isAuthenticated,
  },
};
