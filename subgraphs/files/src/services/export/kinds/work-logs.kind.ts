import { asDate, asText, type ExportKind } from '../export-kind';

const QUERY = /* GraphQL */ `
  query ExportWorkLogs($filter: WorkLogFilterInput, $afterId: ID, $first: Int) {
    workLogExportPage(filter: $filter, afterId: $afterId, first: $first) {
      total
      items {
        id employeeId logDate workContent completionStatus problemsEncountered tomorrowPlan
        selfRating supervisorRating supervisorComment supervisorId ratedAt createdAt updatedAt
        employee { id username fullName }
      }
    }
  }
`;

const employee = (log: Record<string, unknown>) => (log.employee ?? {}) as Record<string, unknown>;
const number = (value: unknown) => (typeof value === 'number' ? value : null);

/** 004 `POST /api/worklogs/export`: the work logs the requester may see (own, their reports', the tenant's). */
export const workLogsExport: ExportKind = {
  name: 'workLogs',
  fileStem: 'worklogs',
  sheetName: 'Work logs',
  // The router's operation cost limit (MAX_COST, 5,000 by default) counts every field of every item: ~19 a log.
  maxPageSize: 200,
  async fetchPage(run, filter, cursor, pageSize) {
    const data = await run(QUERY, { filter, afterId: cursor.afterId, first: pageSize });
    return data.workLogExportPage as { total: number; items: Record<string, unknown>[] };
  },
  columns: [
    { header: 'ID', key: 'id', width: 38, value: (l) => asText(l.id) },
    { header: 'Employee ID', key: 'employeeId', width: 14, value: (l) => asText(l.employeeId) },
    { header: 'Username', key: 'username', width: 16, value: (l) => asText(employee(l).username) },
    { header: 'Full name', key: 'fullName', width: 16, value: (l) => asText(employee(l).fullName) },
    { header: 'Log date', key: 'logDate', width: 12, value: (l) => asText(l.logDate) },
    { header: 'Work content', key: 'workContent', width: 40, value: (l) => asText(l.workContent) },
    { header: 'Completion status', key: 'completionStatus', width: 14, value: (l) => asText(l.completionStatus) },
    { header: 'Problems encountered', key: 'problemsEncountered', width: 30, value: (l) => asText(l.problemsEncountered) },
    { header: 'Tomorrow plan', key: 'tomorrowPlan', width: 30, value: (l) => asText(l.tomorrowPlan) },
    { header: 'Self rating', key: 'selfRating', width: 10, value: (l) => number(l.selfRating) },
    { header: 'Supervisor rating', key: 'supervisorRating', width: 10, value: (l) => number(l.supervisorRating) },
    { header: 'Supervisor comment', key: 'supervisorComment', width: 30, value: (l) => asText(l.supervisorComment) },
    { header: 'Supervisor ID', key: 'supervisorId', width: 14, value: (l) => asText(l.supervisorId) },
    { header: 'Rated at', key: 'ratedAt', width: 22, value: (l) => asDate(l.ratedAt) },
    { header: 'Created at', key: 'createdAt', width: 22, value: (l) => asDate(l.createdAt) },
    { header: 'Updated at', key: 'updatedAt', width: 22, value: (l) => asDate(l.updatedAt) },
  ],
};
