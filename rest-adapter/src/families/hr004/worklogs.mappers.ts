import { z } from 'zod';
import type { HrWorkLogFragment } from './operations.generated';
import { isoTime, time, timeOrNull } from './hr004.shapes';

export const completionStatus = z.enum(['completed', 'in_progress', 'pending']);

/** A work log as POST, GET (detail and list items), PUT and rate answer it (decisions.md § 004). */
export const workLog = z.object({
  id: z.string(),
  employee_id: z.string(),
  log_date: z.string().describe('YYYY-MM-DD'),
  work_content: z.string(),
  completion_status: completionStatus,
  problems_encountered: z.string().nullable(),
  tomorrow_plan: z.string().nullable(),
  self_rating: z.number().int().nullable().describe('1–5'),
  supervisor_rating: z.number().int().nullable().describe('1–5; null until rated'),
  supervisor_comment: z.string().nullable(),
  supervisor_id: z.string().nullable(),
  rated_at: isoTime.nullable(),
  created_at: isoTime,
  updated_at: isoTime,
  employee: z
    .object({ id: z.string(), username: z.string(), full_name: z.string().nullable() })
    .nullable()
    .describe('null when the account has been deleted since'),
});

export const toWorkLog = (log: HrWorkLogFragment): z.input<typeof workLog> => ({
  id: log.id,
  employee_id: log.employeeId,
  log_date: log.logDate,
  work_content: log.workContent,
  completion_status: log.completionStatus,
  problems_encountered: log.problemsEncountered,
  tomorrow_plan: log.tomorrowPlan,
  self_rating: log.selfRating,
  supervisor_rating: log.supervisorRating,
  supervisor_comment: log.supervisorComment,
  supervisor_id: log.supervisorId,
  rated_at: timeOrNull(log.ratedAt),
  created_at: time(log.createdAt),
  updated_at: time(log.updatedAt),
  employee: log.employee ? { id: log.employee.id, username: log.employee.username, full_name: log.employee.fullName } : null,
});
