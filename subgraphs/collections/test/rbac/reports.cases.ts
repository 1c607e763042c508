import type { RbacCase } from '@platform/testkit';
import { CONSOLE } from './roles';

/** The reports module's operations: every admin-console role exports within its scope; collectors and others do not. */
export const reportsCases: Record<string, RbacCase> = {
  'Query.caseExportColumns': { query: '{ caseExportColumns(fields: ["case_code"]) { key header type } }', allow: CONSOLE },
  'Query.caseExportPage': { query: '{ caseExportPage(fields: ["case_code"], first: 10) { rows lastId hasMore } }', allow: CONSOLE },
  'Query.performanceReportColumns': { query: '{ performanceReportColumns { key header type } }', allow: CONSOLE },
  'Query.performanceReportPage': { query: '{ performanceReportPage(month: "2025-11", first: 10) { rows lastId hasMore } }', allow: CONSOLE },
};
