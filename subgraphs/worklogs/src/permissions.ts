import { can, isAuthenticated, type IRules } from '@platform/kit';

/**
 * Every field names its rule (the kit refuses to build otherwise). Whose logs a caller reaches, who may change and
 * who may rate one are decided in the service: a supervisor needs no worklogs:rate for their own reports.
 */
export const permissions: IRules = {
  Query: {
    workLogs: can('worklogs:view'),
    workLog: can('worklogs:view'),
    workLogExportPage: can('worklogs:view'),
  },
  Mutation: {
    createWorkLog: can('worklogs:create'),
    updateWorkLog: can('worklogs:update'),
    rateWorkLog: can('worklogs:view'),
  },
  WorkLog: isAuthenticated,
  WorkLogPage: isAuthenticated,
  WorkLogExportPage: isAuthenticated,
  User: isAuthenticated,
};
