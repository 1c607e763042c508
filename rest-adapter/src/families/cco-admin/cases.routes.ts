import { money2 } from '@platform/kit';
import { z } from 'zod';
import { notFoundError } from '../../framework/rest-error';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, intId, intIdParam, queryInt } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';
import { ccoFieldMessages, ccoPage, ccoPageQuery, ccoTime, ccoTimeOrNull, localTime, tenantZone } from './cco.shapes';
import {
  type CcoCaseItemFragment,
  CcoCaseDocument,
  CcoCasesDocument,
  CcoImportCasesDocument,
  CcoUpdateCaseStatusDocument,
} from './operations.generated';

const CASE_STATUSES = ['pending_repayment', 'partial_repayment', 'settled', 'promised', 'recalled', 'closed', 'written_off'] as const;
/** The search's sortable fields (each served by an index or cheap within the filtered rows). */
const SORTABLE = ['id', 'created_at', 'case_code', 'overdue_days', 'outstanding_amount', 'loan_amount', 'repaid_amount', 'due_date', 'assigned_at', 'last_contact_at'] as const;

const money = z.number().describe('exact, 2 decimals');
/** Request amounts: non-negative, at most 2 decimals; sent on as decimal strings so nothing turns binary. */
const moneyInput = z.number().min(0).refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'must have at most 2 decimals');
const dec = (v: number | undefined) => (v === undefined ? undefined : String(v));

const caseItem = z.object({
  id: z.number().int(),
  case_code: z.string(),
  user_name: z.string(),
  mobile: z.string().describe('masked (+63-917-***-**11) unless the caller holds cases:view_sensitive'),
  overdue_days: z.number().int(),
  loan_amount: money,
  outstanding_amount: money,
  case_status: z.enum(CASE_STATUSES),
  queue_name: z.string().nullable(),
  agency_name: z.string().nullable(),
  team_name: z.string().nullable(),
  collector_name: z.string().nullable(),
  last_contact_at: localTime.nullable(),
  assigned_at: localTime.nullable(),
});

const toCaseItem = (c: CcoCaseItemFragment, zone: string): z.input<typeof caseItem> => ({
  id: Number(c.id),
  case_code: c.caseCode,
  user_name: c.userName,
  mobile: c.mobile,
  overdue_days: c.overdueDays,
  loan_amount: money2(c.loanAmount),
  outstanding_amount: money2(c.outstandingAmount),
  case_status: c.caseStatus as (typeof CASE_STATUSES)[number],
  queue_name: c.queueName,
  agency_name: c.agencyName,
  team_name: c.teamName,
  collector_name: c.collectorName,
  last_contact_at: ccoTimeOrNull(c.lastContactAt, zone),
  assigned_at: ccoTimeOrNull(c.assignedAt, zone),
});

const caseDetail = z.object({
  id: z.number().int(),
  case_code: z.string(),
  user_info: z.object({
    user_id: z.string(),
    user_name: z.string(),
    mobile: z.string(),
    id_number: z.string().nullable().describe('masked (ID***456) unless the caller holds cases:view_sensitive'),
    address: z.string().nullable().describe('partly masked (马尼拉市***) unless the caller holds cases:view_sensitive'),
  }),
  loan_info: z.object({
    loan_amount: money,
    repaid_amount: money,
    outstanding_amount: money,
    overdue_days: z.number().int(),
    due_date: z.string().describe('YYYY-MM-DD'),
  }),
  assignment_info: z.object({
    queue_name: z.string().nullable(),
    agency_name: z.string().nullable(),
    team_name: z.string().nullable(),
    collector_name: z.string().nullable(),
    assigned_at: localTime.nullable(),
  }),
  communication_history: z.array(z.object({
    id: z.number().int(),
    contact_method: z.string(),
    contact_result: z.string(),
    communication_content: z.string().nullable(),
    collector_name: z.string().nullable(),
    created_at: localTime,
  })),
  ptp_records: z.array(z.object({
    id: z.number().int(),
    promise_amount: money,
    promise_date: z.string().describe('YYYY-MM-DD'),
    promise_status: z.string(),
    created_at: localTime,
  })),
});

/** GraphQL input field → the document's name. */
const FIELDS = {
  tenantId: 'tenant_id',
  queueId: 'queue_id',
  agencyId: 'agency_id',
  teamId: 'team_id',
  collectorId: 'collector_id',
  caseStatus: 'case_status',
  overdueDays: 'overdue_days',
  outstandingAmount: 'outstanding_amount',
  loanAmount: 'loan_amount',
  repaidAmount: 'repaid_amount',
  search: 'search',
  cases: 'cases',
  pageSize: 'size',
};
const common = { family: ccoAdmin, rateLimit: rateLimit.none, auth: true, fieldAliases: FIELDS, errorMessages: ccoFieldMessages } as const;
const SCOPE =
  'Scoped: SuperAdmin every tenant (tenant_id narrows), TenantAdmin their tenant, AgencyAdmin their agency, SPV their team group, ' +
  'TeamLeader their team; a collector token is 403. mobile, id_number, bank account and address are masked unless the caller ' +
  'holds cases:view_sensitive (admins do); each unmasked read is audited.';

const id = (v: number | undefined) => (v === undefined ? undefined : String(v));
const range = (r: { min?: number; max?: number } | undefined) => (r && (r.min !== undefined || r.max !== undefined) ? defined({ min: r.min, max: r.max }) : undefined);
const moneyRange = (r: { min?: number; max?: number } | undefined) =>
  r && (r.min !== undefined || r.max !== undefined) ? defined({ min: dec(r.min), max: dec(r.max) }) : undefined;
const intRange = z.object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() });
const amountRange = z.object({ min: moneyInput.optional(), max: moneyInput.optional() });

const listPage = (d: { me: { tenant?: { zone: string } | null }; cases: { total: number; page: number; items: CcoCaseItemFragment[] } }, size: number) => {
  const zone = tenantZone(d.me);
  return { total: d.cases.total, page: d.cases.page, size, items: d.cases.items.map((c) => toCaseItem(c, zone)) };
};

export const ccoCaseRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/cases',
    summary: '获取案件列表',
    description:
      `Newest first. search: cases whose case_code, user_name or mobile (as stored, e.g. +63-917) STARTS WITH the keyword ` +
      `(a prefix match, served by indexes; not a substring search). size at most 100. Beyond the document, items also carry ` +
      `agency_name and team_name. ${SCOPE}`,
    query: z.object({
      ...ccoPageQuery,
      tenant_id: intIdParam.optional().describe('甲方ID (SuperAdmin; others only ever see their own tenant)'),
      queue_id: intIdParam.optional().describe('队列ID'),
      agency_id: intIdParam.optional().describe('机构ID'),
      team_id: intIdParam.optional().describe('小组ID'),
      collector_id: intIdParam.optional().describe('催员ID'),
      case_status: z.enum(CASE_STATUSES).optional().describe('案件状态'),
      overdue_days_min: queryInt(0).optional().describe('最小逾期天数'),
      overdue_days_max: queryInt(0).optional().describe('最大逾期天数'),
      search: z.string().trim().max(64).optional().describe('搜索关键词（案件编号、姓名、手机号的前缀）'),
    }),
    response: ccoPage(caseItem),
    operation: CcoCasesDocument,
    variables: ({ query }) => ({
      filter: defined({
        tenantId: query.tenant_id,
        queueId: query.queue_id,
        agencyId: query.agency_id,
        teamId: query.team_id,
        collectorId: query.collector_id,
        caseStatus: query.case_status ? [query.case_status] : undefined,
        overdueDays: range({ min: query.overdue_days_min, max: query.overdue_days_max }),
        search: query.search || undefined,
      }),
      page: query.page,
      pageSize: query.size,
    }),
    map: (d, { query }) => listPage(d, query.size),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/cases/search',
    summary: '案件搜索',
    description:
      'filters: overdue_days / outstanding_amount / loan_amount {min, max} (inclusive), case_status (any of), tenant_id, queue_id, ' +
      `agency_id, team_id, collector_id, search (prefix keyword as in GET /cases). sort.field one of ${SORTABLE.join(', ')} ` +
      `(order asc|desc, default desc; id breaks ties); default newest first. Answers the list shape of GET /cases. ${SCOPE}`,
    body: z.object({
      filters: z.object({
        overdue_days: intRange.optional(),
        outstanding_amount: amountRange.optional(),
        loan_amount: amountRange.optional(),
        case_status: z.array(z.enum(CASE_STATUSES)).max(7).optional(),
        tenant_id: intId.optional(),
        queue_id: intId.optional(),
        agency_id: intId.optional(),
        team_id: intId.optional(),
        collector_id: intId.optional(),
        search: z.string().trim().max(64).optional(),
      }).optional(),
      sort: z.object({ field: z.enum(SORTABLE), order: z.enum(['asc', 'desc']).default('desc') }).optional(),
      page: z.number().int().min(1).default(1),
      size: z.number().int().min(1).max(100).default(10),
    }),
    response: ccoPage(caseItem),
    operation: CcoCasesDocument,
    variables: ({ body }) => {
      const f = body.filters ?? {};
      return {
        filter: defined({
          tenantId: id(f.tenant_id),
          queueId: id(f.queue_id),
          agencyId: id(f.agency_id),
          teamId: id(f.team_id),
          collectorId: id(f.collector_id),
          caseStatus: f.case_status?.length ? f.case_status : undefined,
          overdueDays: range(f.overdue_days),
          outstandingAmount: moneyRange(f.outstanding_amount),
          loanAmount: moneyRange(f.loan_amount),
          search: f.search || undefined,
        }),
        sort: body.sort ? { field: body.sort.field, order: body.sort.order } : undefined,
        page: body.page,
        pageSize: body.size,
      };
    },
    map: (d, { body }) => listPage(d, body.size),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/cases/import',
    summary: '导入案件',
    description:
      'Upserts by case_code (a row carries the case\'s whole state; its assignment is kept). Each row is checked on its own ' +
      '(required: case_code, user_id, user_name, mobile in international format, loan_amount, outstanding_amount, overdue_days, ' +
      'due_date; amounts ≥ 0 with at most 2 decimals): errors[] names the row by case_code (or by its 1-based row when it has ' +
      'none) and the field. The case joins the tenant\'s queue whose overdue-days range holds it; contact_phones replace the ' +
      'case\'s, repayment_history adds repayments not known yet, custom_fields are kept. At most 10,000 cases per request, ' +
      'written in batches in one transaction. tenant_id: required for SuperAdmin; a TenantAdmin naming another tenant is 403.',
    body: z.object({
      tenant_id: intId.optional(),
      cases: z.array(z.record(z.string(), z.unknown())).min(1).max(10_000),
    }),
    response: z.object({
      total: z.number().int(),
      success: z.number().int(),
      failed: z.number().int(),
      errors: z.array(z.object({ case_code: z.string().optional(), row: z.number().int().optional(), error: z.string() })),
    }),
    message: '导入成功',
    operation: CcoImportCasesDocument,
    variables: ({ body }) => ({ input: defined({ tenantId: id(body.tenant_id), cases: body.cases }) }),
    map: ({ importCases: r }) => ({
      total: r.total,
      success: r.success,
      failed: r.failed,
      errors: r.errors.map((e) => (e.caseCode ? { case_code: e.caseCode, error: e.error } : { row: e.row, error: e.error })),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/cases/{case_id}',
    summary: '获取案件详情',
    description: `communication_history and ptp_records newest first. Another scope's or tenant's case is 404. ${SCOPE}`,
    params: z.object({ case_id: intIdParam }),
    response: caseDetail,
    operation: CcoCaseDocument,
    variables: ({ params }) => ({ id: params.case_id }),
    map: ({ me, case: c }) => {
      if (!c) throw notFoundError('Case');
      const zone = tenantZone(me);
      return {
        id: Number(c.id),
        case_code: c.caseCode,
        user_info: { user_id: c.customerId, user_name: c.userName, mobile: c.mobile, id_number: c.idNumber, address: c.address },
        loan_info: {
          loan_amount: money2(c.loanAmount),
          repaid_amount: money2(c.repaidAmount),
          outstanding_amount: money2(c.outstandingAmount),
          overdue_days: c.overdueDays,
          due_date: c.dueDate,
        },
        assignment_info: {
          queue_name: c.queueName,
          agency_name: c.agencyName,
          team_name: c.teamName,
          collector_name: c.collectorName,
          assigned_at: ccoTimeOrNull(c.assignedAt, zone),
        },
        communication_history: c.communications.map((m) => ({
          id: Number(m.id),
          contact_method: m.contactMethod,
          contact_result: m.contactResult,
          communication_content: m.communicationContent,
          collector_name: m.collectorName,
          created_at: ccoTime(m.contactTime, zone),
        })),
        ptp_records: c.ptps.map((p) => ({
          id: Number(p.id),
          promise_amount: money2(p.promiseAmount),
          promise_date: p.promiseDate,
          promise_status: p.promiseStatus,
          created_at: ccoTime(p.createdAt, zone),
        })),
      };
    },
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/v1/cases/{case_id}/status',
    summary: '更新案件状态',
    description:
      'repaid_amount is the case\'s total repaid after the change (never less than before; the increase comes off the outstanding ' +
      'amount, which cannot go below 0). Transitions: pending_repayment / promised / partial_repayment → any other status ' +
      '(partial_repayment needs something repaid and something outstanding); settled → closed (settling clears the outstanding ' +
      'amount); recalled → pending_repayment or closed; written_off and closed are final. Another is 400 naming case_status. ' +
      'Recorded as case.status_changed (before/after) in the audit trail. The document shows no answer: data is ' +
      '{case_id, case_code, old_status, new_status, repaid_amount, outstanding_amount}. Needs cases:update (AgencyAdmin and above).',
    params: z.object({ case_id: intIdParam }),
    body: z.object({
      case_status: z.enum(CASE_STATUSES),
      repaid_amount: moneyInput.optional(),
      notes: z.string().max(500).optional(),
    }),
    response: z.object({
      case_id: z.number().int(),
      case_code: z.string(),
      old_status: z.enum(CASE_STATUSES),
      new_status: z.enum(CASE_STATUSES),
      repaid_amount: money,
      outstanding_amount: money,
    }),
    message: '更新成功',
    operation: CcoUpdateCaseStatusDocument,
    variables: ({ params, body }) => ({
      id: params.case_id,
      input: defined({ caseStatus: body.case_status, repaidAmount: dec(body.repaid_amount), notes: body.notes }),
    }),
    map: ({ updateCaseStatus: u }) => ({
      case_id: Number(u.case.id),
      case_code: u.case.caseCode,
      old_status: u.oldStatus as (typeof CASE_STATUSES)[number],
      new_status: u.newStatus as (typeof CASE_STATUSES)[number],
      repaid_amount: money2(u.case.repaidAmount),
      outstanding_amount: money2(u.case.outstandingAmount),
    }),
  }),
];
