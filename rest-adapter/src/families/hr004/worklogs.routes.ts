import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, idString } from '../shared/inputs';
import { hr004 } from './hr004.family';
import { idParams, pageOf, pageQuery, toPage } from './hr004.shapes';
import { HrCreateWorkLogDocument, HrRateWorkLogDocument, HrUpdateWorkLogDocument, HrWorkLogDocument, HrWorkLogsDocument } from './operations.generated';
import { completionStatus, toWorkLog, workLog } from './worklogs.mappers';

const common = { family: hr004, rateLimit: rateLimit.normal, auth: true } as const;

/** The worklogs subgraph's limits, as the bodies state them. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
const logText = z.string().max(10_000);
const rating = z.number().int().min(1).max(5);

const VISIBILITY =
  'An employee sees their own logs, a supervisor (the holder of the parent position of the employee’s) also ' +
  'their reports’, a holder of worklogs:rate (an admin) every log of the tenant; any other log is 404.';

export const hrWorkLogRoutes = [
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/worklogs',
    summary: '创建工作日志 (worklogs:create)',
    description:
      'The caller’s own log of `log_date` (default today, UTC; a future date is 422). One log per employee per ' +
      'day: a second one is 409 RESOURCE_002. `completion_status` defaults to `completed`.',
    status: 201,
    body: z.object({
      log_date: day.optional(),
      work_content: z.string().min(1).max(10_000),
      completion_status: completionStatus.optional(),
      problems_encountered: logText.nullable().optional(),
      tomorrow_plan: logText.nullable().optional(),
      self_rating: rating.nullable().optional(),
    }),
    response: workLog,
    operation: HrCreateWorkLogDocument,
    variables: ({ body }) => ({
      input: defined({
        logDate: body.log_date,
        workContent: body.work_content,
        completionStatus: body.completion_status,
        problemsEncountered: body.problems_encountered,
        tomorrowPlan: body.tomorrow_plan,
        selfRating: body.self_rating,
      }),
    }),
    map: (d) => toWorkLog(d.createWorkLog),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/worklogs',
    summary: '查询工作日志列表 (worklogs:view)',
    description: `Newest day first; \`start_date\` and \`end_date\` are inclusive. ${VISIBILITY}`,
    query: z.object({
      ...pageQuery,
      employee_id: idString.optional().describe('员工 ID'),
      start_date: day.optional().describe('开始日期 YYYY-MM-DD'),
      end_date: day.optional().describe('结束日期 YYYY-MM-DD'),
      completion_status: completionStatus.optional().describe('完成情况'),
    }),
    response: pageOf(workLog),
    operation: HrWorkLogsDocument,
    variables: ({ query }) => ({
      filter: defined({
        employeeId: query.employee_id,
        startDate: query.start_date,
        endDate: query.end_date,
        completionStatus: query.completion_status,
      }),
      page: query.page,
      pageSize: query.page_size,
    }),
    map: (d) => toPage(d.workLogs, toWorkLog),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/worklogs/{id}',
    summary: '查询工作日志详情 (worklogs:view)',
    description: VISIBILITY,
    params: idParams,
    response: workLog,
    operation: HrWorkLogDocument,
    variables: ({ params }) => ({ id: params.id }),
    map: (d) => toWorkLog(d.workLog),
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/worklogs/{id}',
    summary: '更新工作日志 (worklogs:update)',
    description:
      'Only the employee who wrote it (another who may see it: 403 AUTH_003), and only until it is rated ' +
      '(then 409 RESOURCE_002). Only the fields sent change; null clears an optional text or the self rating.',
    params: idParams,
    body: z.object({
      work_content: z.string().min(1).max(10_000).optional(),
      completion_status: completionStatus.optional(),
      problems_encountered: logText.nullable().optional(),
      tomorrow_plan: logText.nullable().optional(),
      self_rating: rating.nullable().optional(),
    }),
    response: workLog,
    operation: HrUpdateWorkLogDocument,
    variables: ({ params, body }) => ({
      id: params.id,
      input: defined({
        workContent: body.work_content,
        completionStatus: body.completion_status,
        problemsEncountered: body.problems_encountered,
        tomorrowPlan: body.tomorrow_plan,
        selfRating: body.self_rating,
      }),
    }),
    map: (d) => toWorkLog(d.updateWorkLog),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/worklogs/{id}/rate',
    summary: '上级评分',
    description:
      'The employee’s supervisor, or a holder of worklogs:rate; nobody rates their own log (403 AUTH_003). ' +
      'Once: a rated log is frozen (409 RESOURCE_002). The employee is notified live (/ws/notifications). ' +
      'Answers the rated log.',
    params: idParams,
    body: z.object({
      supervisor_rating: rating,
      supervisor_comment: logText.nullable().optional(),
    }),
    response: workLog,
    operation: HrRateWorkLogDocument,
    variables: ({ params, body }) => ({
      id: params.id,
      input: defined({ supervisorRating: body.supervisor_rating, supervisorComment: body.supervisor_comment }),
    }),
    map: (d) => toWorkLog(d.rateWorkLog),
  }),
];
