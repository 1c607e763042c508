import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { intId, intIdParam } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';
import { ccoFieldMessages, ccoTime, localTime } from './cco.shapes';
import {
  type CcoAssignedCaseFragment,
  CcoAssignCaseDocument,
  CcoAutoAssignCasesDocument,
  CcoTransferCaseDocument,
} from './operations.generated';

const assignedCase = z.object({
  case_id: z.number().int(),
  case_code: z.string(),
  collector_id: z.number().int(),
  collector_name: z.string(),
  assigned_at: localTime,
});

const toAssignedCase = (a: CcoAssignedCaseFragment): z.input<typeof assignedCase> => ({
  case_id: Number(a.caseId),
  case_code: a.caseCode,
  collector_id: Number(a.collectorId),
  collector_name: a.collectorName,
  assigned_at: ccoTime(a.assignedAt, a.tenant.zone),
});

const caseParams = z.object({ case_id: intIdParam });
const reason = z.string().max(255).optional().describe('原因（可选）');

const common = { family: ccoAdmin, rateLimit: rateLimit.none, auth: true, errorMessages: ccoFieldMessages } as const;
const REACH =
  'The case must be in the caller’s data scope (TenantAdmin: the tenant; AgencyAdmin, SPV, team leader: their agency, team ' +
  'group or team) and still worked (a settled, closed, recalled or written-off case is 400). Another tenant’s case is 403, ' +
  'an unknown one 404. The collector must be of the case’s tenant (else 404), in the caller’s scope (else 403), a collector ' +
  '(not a leader’s profile), active and under max_case_count (else 400 naming the field). The case moves into the ' +
  'collector’s team, team group and agency; both collectors’ current case counts follow; the collector is notified.';

export const ccoAssignmentRoutes = [
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/cases/{case_id}/assign',
    summary: '手动分配案件',
    description: `${REACH} Assigning a case someone holds reassigns it (the history keeps both); to its holder again is 400.`,
    params: caseParams,
    body: z.object({ collector_id: intId.describe('催员ID'), reason }),
    response: assignedCase,
    message: '分配成功',
    operation: CcoAssignCaseDocument,
    variables: ({ params, body }) => ({ caseId: params.case_id, input: { collectorId: String(body.collector_id), reason: body.reason } }),
    map: (d) => toAssignedCase(d.assignCase),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/cases/{case_id}/transfer',
    summary: '案件转移',
    description:
      `${REACH} from_collector_id must be the collector holding the case now (else 409); to_collector_id the one it goes to ` +
      '(the same one is 400). The document shows no answer: the same data as 手动分配案件, message 转移成功.',
    params: caseParams,
    body: z.object({ from_collector_id: intId.describe('原催员ID'), to_collector_id: intId.describe('新催员ID'), reason }),
    response: assignedCase,
    message: '转移成功',
    operation: CcoTransferCaseDocument,
    variables: ({ params, body }) => ({
      caseId: params.case_id,
      input: { fromCollectorId: String(body.from_collector_id), toCollectorId: String(body.to_collector_id), reason: body.reason },
    }),
    map: (d) => toAssignedCase(d.transferCase),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/cases/auto-assign',
    summary: '批量自动分案',
    description:
      'The queue’s open cases no collector holds (within the caller’s scope, not routed to another agency or team) go to the ' +
      'team’s active collectors (position collector, status active, enabled), each within max_case_count. ' +
      '`balanced`: each case to the collector holding the fewest cases, ties to the lower id — counts end at most 1 apart ' +
      'where capacity allows. `performance`: shares proportional to what each collector collected in the previous calendar ' +
      'month (repayments; the month on the team agency’s UTC offset), rounded by largest remainder; a collector who collected ' +
      'nothing weighs half the smallest amount a teammate collected, so newcomers still get a small share (all equal when ' +
      'nobody collected); a full collector’s excess is shared among the others. `specialty`: a collector whose specialties ' +
      'name the queue (code or name) matches all its cases, otherwise those whose loan product is one of their specialties ' +
      '(case-insensitive); matched cases go to their matching collectors balanced, the rest are balanced over everyone. ' +
      'Cases nobody has room for count as `failed` and stay unassigned. `assignments` lists every active collector of the team ' +
      'by id, 0 included. Each collector is notified once per run (one case.assigned event with the count), not per case. ' +
      'Another tenant’s team is 403, an unknown team or queue 404, a team outside the caller’s scope 403.',
    body: z.object({
      team_id: intId.describe('小组ID'),
      queue_id: intId.describe('队列ID'),
      strategy: z.enum(['balanced', 'performance', 'specialty']).describe('分配策略'),
    }),
    response: z.object({
      total_cases: z.number().int(),
      assigned: z.number().int(),
      failed: z.number().int(),
      assignments: z.array(z.object({ collector_id: z.number().int(), collector_name: z.string(), case_count: z.number().int() })),
    }),
    message: '自动分案完成',
    operation: CcoAutoAssignCasesDocument,
    variables: ({ body }) => ({ input: { teamId: String(body.team_id), queueId: String(body.queue_id), strategy: body.strategy } }),
    map: ({ autoAssignCases: r }) => ({
      total_cases: r.totalCases,
      assigned: r.assigned,
      failed: r.failed,
      assignments: r.assignments.map((a) => ({ collector_id: Number(a.collectorId), collector_name: a.collectorName, case_count: a.caseCount })),
    }),
  }),
];
