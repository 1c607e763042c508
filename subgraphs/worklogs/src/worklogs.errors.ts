import { badInput, conflict, forbidden, notFound } from '@platform/kit';

/** Worklogs' coded errors; each maps onto the shared vocabulary (extensions.code) and so onto 004's table. */
export const WorklogsErrors = {
  workLogNotFound: (id: string | number) => notFound('WorkLog', id),
  invalidId: (field: string) => badInput(field, `${field} must be a work log id`),
  invalidDate: (field: string) => badInput(field, `${field} must be a date (YYYY-MM-DD)`),
  futureDate: (field: string) => badInput(field, `${field} must not be in the future`),
  dateRange: () => badInput('endDate', 'endDate must not be before startDate'),
  duplicateDay: (logDate: string) =>
    conflict(`A work log for ${logDate} already exists`, { field: 'logDate', reason: 'WORKLOG_EXISTS' }),
  rated: () => conflict('The work log has been rated and can no longer change', { reason: 'WORKLOG_RATED' }),
  notOwner: () => forbidden('Only the employee who wrote the work log may change it', { reason: 'NOT_OWNER' }),
  notSupervisor: () =>
    forbidden("Only the employee's supervisor or a holder of worklogs:rate may rate the work log", { reason: 'NOT_SUPERVISOR' }),
  outOfRange: (field: string, min: number, max: number) => badInput(field, `${field} must be between ${min} and ${max}`),
  noTenant: () => forbidden('Work logs belong to an employee of a tenant', { reason: 'NO_TENANT' }),
};
