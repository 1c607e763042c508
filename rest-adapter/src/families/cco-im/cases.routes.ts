import { money2 } from '@platform/kit';
import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import type { RestError } from '../../framework/rest-error';
import { defined, intIdParam, isTrue, queryBool, queryInt } from '../shared/inputs';
import { ccoFieldMessages, ccoPage, ccoPageQuery, ccoTime, ccoTimeOrNull, localTime, tenantZone } from '../cco-admin/cco.shapes';
import { ccoIm } from './cco-im.family';
import { appPriority, casePage, toCasePage } from './cases.shapes';
import {
  ImCallDocument,
  ImCaseCommunicationsDocument,
  ImCaseDocument,
  ImMyCasesDocument,
  ImQuickFilterDocument,
  ImRecordCommunicationDocument,
  ImSendSmsDocument,
  ImSendWhatsAppDocument,
  type MyCaseFilter,
  type MyCaseSortField,
  type QuickFilter,
} from './operations.generated';

const money = z.number().describe('exact, 2 decimals');
/** Request amounts: non-negative, at most 2 decimals; sent on as decimal strings so nothing turns binary. */
const moneyInput = z.number().min(0).refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'must have at most 2 decimals');
const dec = (v: number | undefined) => (v === undefined ? undefined : String(v));
const bounds = <T>(r: { min?: T; max?: T } | undefined, as: (v: T | undefined) => unknown = (v) => v) =>
  r && (r.min !== undefined || r.max !== undefined) ? defined({ min: as(r.min), max: as(r.max) }) : undefined;

const CONTACT_METHODS = ['phone', 'whatsapp', 'sms', 'email', 'visit'] as const;
const CONTACT_RESULTS = ['接通', '未接通', '关机', '空号', '拒接', '忙线'] as const;
const CONTACT_PERSONS = ['本人', '配偶', '家人', '朋友', '同事', '其他'] as const;
const QUICK_FILTERS: Record<QuickFilter, string> = {
  today_assigned: '今日新分配',
  never_contacted: '从未联系',
  need_follow_up: '需要跟进',
  high_priority: '高优先级',
  long_overdue: '长期逾期（>60天）',
  high_amount: '大额案件（>10000）',
  recently_contacted: '最近联系过（3天内）',
};

/** GraphQL input field → the document's name (the graph's 400s name the field the client sent). */
const FIELDS = {
  overdueDays: 'overdue_days',
  outstandingAmount: 'outstanding_amount',
  caseTags: 'case_tags',
  search: 'search',
  contactMethod: 'contact_method',
  contactPhone: 'contact_phone',
  contactResult: 'contact_result',
  contactPerson: 'contact_person',
  communicationContent: 'communication_content',
  callDurationSeconds: 'call_duration_seconds',
  audioUrl: 'audio_url',
  nextFollowUpAt: 'next_follow_up_at',
  contactTime: 'contact_time',
  clientId: 'client_id',
  contactId: 'contact_id',
  phoneNumber: 'phone_number',
  messageTemplate: 'message_template',
  variables: 'variables',
  pageSize: 'size',
};

/** A case outside the caller's reach: the document's own words (数据权限: 403 无权限访问该案件). */
const caseForbidden = (e: RestError) => (e.details.reason === 'OUT_OF_SCOPE' ? '禁止访问（无权限访问该案件）' : undefined);
const common = {
  family: ccoIm,
  rateLimit: rateLimit.none,
  auth: true,
  fieldAliases: FIELDS,
  errorMessages: { ...ccoFieldMessages, FORBIDDEN: caseForbidden },
} as const;

const SCOPE =
  'A collector sees and works only the cases assigned to them; a team leader their team’s (数据权限). Another collector’s ' +
  'case is 403 禁止访问（无权限访问该案件）; an unknown id or another tenant’s case 404. Personal data is masked as the ' +
  'document’s 敏感信息脱敏 shows (`+63-917-***-**11`, `ID***456`, `****1234`, part of the address); the server resolves ' +
  'numbers, the app never needs them unmasked.';
const LIST =
  'Items as the document shows them: case_priority high/medium/low (a tenant’s urgent counts as high, normal as medium); ' +
  'ptp_info from the newest promise (has_ptp: one is open); next_action: follow_up at a booked call-back not yet made, ' +
  'else ptp_follow_up on an open promise’s date, else null. summary counts every match, not only the page.';

const sortQuery = {
  sort: z.enum(['overdue_days', 'outstanding_amount', 'last_contact_at']).optional().describe('排序字段（默认 overdue_days）'),
  order: z.enum(['asc', 'desc']).optional().describe('排序方向（默认 desc）'),
};
const imPageQuery = { ...ccoPageQuery, size: queryInt(1, 100).default(20).describe('每页数量（默认20，最大100）') };
const sortOf = (q: { sort?: MyCaseSortField; order?: 'asc' | 'desc' }) =>
  q.sort || q.order ? { field: q.sort ?? 'overdue_days', order: q.order ?? 'desc' } : undefined;

const caseParams = z.object({ case_id: intIdParam });
const clientId = z.string().min(1).max(64).optional().describe(
  'Addition for offline sync: the app’s own id of this write (e.g. a UUID made when it was recorded offline). The same ' +
    'collector sending it again answers the first record and changes (or sends) nothing; reused for another case it is 409.',
);

const communicationItem = z.object({
  id: z.number().int(),
  contact_time: localTime,
  contact_method: z.string(),
  contact_result: z.string(),
  communication_content: z.string().nullable(),
  collector_name: z.string().nullable(),
  call_duration_seconds: z.number().int().nullable(),
});

const reach = {
  phone_number: z.string().min(1).max(32).optional().describe('the number as the case shows it (masked) or in full; default the debtor’s mobile'),
  contact_id: z.string().regex(/^[1-9]\d{0,17}$/, 'must be a positive integer').optional().describe('addition: an emergency_contacts id of the detail'),
  contact_person: z.enum(CONTACT_PERSONS).optional(),
  client_id: clientId,
};
const messageBody = z.object({
  ...reach,
  message_template: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be a template code (letters, digits, _)'),
  variables: z.record(z.string().max(64), z.string().max(500)).refine((v) => Object.keys(v).length <= 20, 'at most 20 variables').optional(),
});
const messageResponse = z.object({
  message_id: z.string().describe('the provider’s message id'),
  status: z.string().describe('the provider’s delivery status: queued, sent or delivered'),
  communication_id: z.number().int().describe('addition: the communication recorded on the case'),
});
const reachInput = (caseId: string, b: { phone_number?: string; contact_id?: string; contact_person?: string; client_id?: string }) =>
  defined({ caseId, phoneNumber: b.phone_number, contactId: b.contact_id, contactPerson: b.contact_person, clientId: b.client_id });
const MESSAGE =
  'message_template is the provider template’s code; variables its parameters (names to texts). Sent through the tenant’s ' +
  'provider (the local provider records what it would send); recorded as a communication of the case (content ' +
  '`[TEMPLATE] {variables}`, result the delivery status, the provider’s message id kept), which is written back to the ' +
  'tenant’s core system. The document shows no answer: data is {message_id, status, communication_id}. A retry with the ' +
  `same client_id answers the first message and sends nothing. ${SCOPE}`;

export const ccoImCaseRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/cases/my',
    summary: '获取我的案件列表',
    description:
      'status: pending (pending_repayment), in_progress (promised, partial_repayment), resolved (settled, closed, written_off). ' +
      'last_contact_days: cases not contacted for at least that many days (never contacted included). has_ptp: an open promise. ' +
      'search: case_code, user_name or mobile (as stored) STARTING WITH the keyword. Default order: most overdue first. ' +
      `${LIST} ${SCOPE}`,
    query: z.object({
      status: z.enum(['pending', 'in_progress', 'resolved']).optional().describe('案件状态'),
      priority: z.enum(['high', 'medium', 'low']).optional().describe('优先级'),
      overdue_days_min: queryInt(0).optional().describe('最小逾期天数'),
      overdue_days_max: queryInt(0).optional().describe('最大逾期天数'),
      last_contact_days: queryInt(0, 36_500).optional().describe('最后联系距今天数（至少）'),
      has_ptp: queryBool.optional().describe('是否有PTP承诺'),
      search: z.string().trim().max(64).optional().describe('搜索关键词（姓名、手机号、案件编号的前缀）'),
      ...sortQuery,
      ...imPageQuery,
    }),
    response: casePage,
    operation: ImMyCasesDocument,
    variables: ({ query }) => ({
      filter: defined({
        status: query.status,
        priority: query.priority,
        overdueDays: bounds({ min: query.overdue_days_min, max: query.overdue_days_max }),
        lastContactDays: query.last_contact_days,
        hasPtp: query.has_ptp === undefined ? undefined : isTrue(query.has_ptp),
        search: query.search || undefined,
      }) as MyCaseFilter,
      sort: sortOf(query),
      page: query.page,
      pageSize: query.size,
    }),
    map: ({ me, myCases }, { query }) => toCasePage(myCases, tenantZone(me), query.size),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/cases/quick-filter',
    summary: '案件快速筛选',
    description:
      'The list of GET /im/cases/my (同案件列表格式) narrowed by filter_type (none: every case), plus quick_filters: each filter ' +
      'with its name and how many of the caller’s cases it holds (counted in SQL). today_assigned: assigned since the start of ' +
      'today (tenant zone); need_follow_up: an open promise or a call-back booked for today or later; high_priority: high or ' +
      `urgent; long_overdue: > 60 days; high_amount: outstanding > 10000; recently_contacted: within 3 days. ${LIST} ${SCOPE}`,
    query: z.object({
      filter_type: z.enum(Object.keys(QUICK_FILTERS) as [QuickFilter, ...QuickFilter[]]).optional().describe('筛选类型'),
      ...imPageQuery,
    }),
    response: casePage.extend({
      quick_filters: z.array(z.object({ filter_type: z.string(), name: z.string(), count: z.number().int() })),
    }),
    operation: ImQuickFilterDocument,
    variables: ({ query }) => ({
      filter: query.filter_type ? { quickFilter: query.filter_type } : undefined,
      page: query.page,
      pageSize: query.size,
    }),
    map: ({ me, myCases, myCaseQuickFilters }, { query }) => ({
      ...toCasePage(myCases, tenantZone(me), query.size),
      quick_filters: myCaseQuickFilters.map((q) => ({ filter_type: q.filter, name: QUICK_FILTERS[q.filter], count: q.count })),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/cases/search',
    summary: '搜索案件',
    description:
      'keyword: case_code, user_name or mobile STARTING WITH it. filters.overdue_days / outstanding_amount {min, max} ' +
      '(inclusive), case_tags (cases carrying every tag). Beyond the document: page, size (CCO paging), sort and order as ' +
      `GET /im/cases/my. Answers the list of GET /im/cases/my. ${LIST} ${SCOPE}`,
    body: z.object({
      keyword: z.string().trim().max(64).optional(),
      filters: z
        .object({
          overdue_days: z.object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }).optional(),
          outstanding_amount: z.object({ min: moneyInput.optional(), max: moneyInput.optional() }).optional(),
          case_tags: z.array(z.string().min(1).max(50)).max(10).optional(),
        })
        .optional(),
      sort: sortQuery.sort,
      order: sortQuery.order,
      page: z.number().int().min(1).default(1),
      size: z.number().int().min(1).max(100).default(20),
    }),
    response: casePage,
    operation: ImMyCasesDocument,
    variables: ({ body }) => ({
      filter: defined({
        search: body.keyword || undefined,
        overdueDays: bounds(body.filters?.overdue_days),
        outstandingAmount: bounds(body.filters?.outstanding_amount, dec),
        caseTags: body.filters?.case_tags?.length ? body.filters.case_tags : undefined,
      }) as MyCaseFilter,
      sort: sortOf(body),
      page: body.page,
      pageSize: body.size,
    }),
    map: ({ me, myCases }, { body }) => toCasePage(myCases, tenantZone(me), body.size),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/cases/{case_id}',
    summary: '获取案件详情',
    description:
      'Every section of the document. customer_info.mobile, id_number, email, address and the contacts’ mobiles masked. ' +
      'employment_info from the tenant’s custom fields employer, position, monthly_income (null when not given). ' +
      'emergency_contacts: the case’s contacts with a relationship other than 本人. communication_history: the latest 20 ' +
      '(all: /communications). assigned_by: 系统自动分配 for auto-assignment, 系统 without a person, else 管理员. ' +
      `overdue_start_date: the day after due_date. ${SCOPE}`,
    params: caseParams,
    response: z.object({
      id: z.number().int(),
      case_code: z.string(),
      case_status: z.string(),
      case_priority: z.string(),
      case_tags: z.array(z.string()),
      customer_info: z.object({
        user_id: z.string(),
        user_name: z.string(),
        mobile: z.string(),
        email: z.string().nullable(),
        id_number: z.string().nullable(),
        gender: z.string().nullable(),
        date_of_birth: z.string().nullable(),
        address: z.string().nullable(),
        kyc_level: z.string().nullable(),
      }),
      employment_info: z.object({ employer: z.string().nullable(), position: z.string().nullable(), monthly_income: money.nullable() }),
      emergency_contacts: z.array(
        z.object({
          id: z.number().int(),
          contact_name: z.string().nullable(),
          relationship: z.string().nullable(),
          mobile: z.string(),
          is_verified: z.boolean(),
          last_contact_at: localTime.nullable(),
          last_contact_result: z.string().nullable(),
        }),
      ),
      loan_info: z.object({
        loan_id: z.string().nullable(),
        loan_product_name: z.string().nullable(),
        loan_amount: money,
        loan_date: z.string().nullable(),
        loan_term: z.number().int().nullable(),
        due_date: z.string(),
        interest_rate: z.number().nullable(),
      }),
      repayment_info: z.object({
        repaid_amount: money,
        outstanding_principal: money.nullable(),
        outstanding_interest: money.nullable(),
        outstanding_penalty: money.nullable(),
        outstanding_amount: money,
        overdue_days: z.number().int(),
        overdue_start_date: z.string(),
        daily_penalty: money.nullable(),
      }),
      repayment_history: z.array(
        z.object({
          id: z.number().int(),
          repayment_date: z.string(),
          repayment_amount: money,
          repayment_channel: z.string().nullable(),
          transaction_no: z.string().nullable(),
        }),
      ),
      communication_history: z.array(communicationItem.extend({ contact_phone: z.string().nullable(), audio_url: z.string().nullable() })),
      ptp_records: z.array(
        z.object({
          id: z.number().int(),
          promise_date: z.string(),
          promise_amount: money,
          promise_method: z.string().nullable(),
          promise_status: z.string(),
          created_at: localTime,
          collector_name: z.string().nullable(),
          notes: z.string().nullable(),
        }),
      ),
      assignment_history: z.array(
        z.object({ id: z.number().int(), assigned_to: z.string().nullable(), assigned_at: localTime, assigned_by: z.string() }),
      ),
    }),
    operation: ImCaseDocument,
    variables: ({ params }) => ({ id: params.case_id }),
    map: ({ me, myCase: c }) => {
      const zone = tenantZone(me);
      const moneyOrNull = (v: string | null | undefined) => (v === null || v === undefined ? null : money2(v));
      const nextDay = new Date(Date.parse(`${c.dueDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      return {
        id: Number(c.id),
        case_code: c.caseCode,
        case_status: c.caseStatus,
        case_priority: appPriority(c.casePriority),
        case_tags: c.caseTags,
        customer_info: {
          user_id: c.customerId,
          user_name: c.userName,
          mobile: c.mobile,
          email: c.email,
          id_number: c.idNumber,
          gender: c.gender,
          date_of_birth: c.dateOfBirth,
          address: c.address,
          kyc_level: c.kycLevel,
        },
        employment_info: {
          employer: c.employment.employer,
          position: c.employment.position,
          monthly_income: moneyOrNull(c.employment.monthlyIncome),
        },
        emergency_contacts: c.contacts
          .filter((k) => k.relationship && k.relationship !== '本人')
          .map((k) => ({
            id: Number(k.id),
            contact_name: k.contactName,
            relationship: k.relationship,
            mobile: k.phoneNumber,
            is_verified: k.isVerified,
            last_contact_at: ccoTimeOrNull(k.lastContactAt, zone),
            last_contact_result: k.lastContactResult,
          })),
        loan_info: {
          loan_id: c.loanId,
          loan_product_name: c.loanProductName,
          loan_amount: money2(c.loanAmount),
          loan_date: c.loanDate,
          loan_term: c.loanTerm,
          due_date: c.dueDate,
          interest_rate: c.interestRate === null ? null : Number(c.interestRate),
        },
        repayment_info: {
          repaid_amount: money2(c.repaidAmount),
          outstanding_principal: moneyOrNull(c.outstandingPrincipal),
          outstanding_interest: moneyOrNull(c.outstandingInterest),
          outstanding_penalty: moneyOrNull(c.outstandingPenalty),
          outstanding_amount: money2(c.outstandingAmount),
          overdue_days: c.overdueDays,
          overdue_start_date: nextDay,
          daily_penalty: moneyOrNull(c.dailyPenalty),
        },
        repayment_history: c.repaymentHistory.map((r) => ({
          id: Number(r.id),
          repayment_date: ccoTime(r.repaymentDate, zone).slice(0, 10),
          repayment_amount: money2(r.repaymentAmount),
          repayment_channel: r.repaymentChannel,
          transaction_no: r.transactionNo,
        })),
        communication_history: c.communicationHistory.map((m) => ({
          id: Number(m.id),
          contact_time: ccoTime(m.contactTime, zone),
          contact_method: m.contactMethod,
          contact_phone: m.contactPhone,
          contact_result: m.contactResult,
          communication_content: m.communicationContent,
          collector_name: m.collectorName,
          call_duration_seconds: m.callDurationSeconds,
          audio_url: m.audioUrl,
        })),
        ptp_records: c.ptpRecords.map((p) => ({
          id: Number(p.id),
          promise_date: p.promiseDate,
          promise_amount: money2(p.promiseAmount),
          promise_method: p.promiseMethod,
          promise_status: p.promiseStatus,
          created_at: ccoTime(p.createdAt, zone),
          collector_name: p.collectorName,
          notes: p.notes,
        })),
        assignment_history: c.assignmentHistory.map((a) => ({
          id: Number(a.id),
          assigned_to: a.toCollectorName,
          assigned_at: ccoTime(a.assignedAt, zone),
          assigned_by: a.kind === 'auto' ? '系统自动分配' : a.assignedBy ? '管理员' : '系统',
        })),
      };
    },
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/cases/{case_id}/communication',
    summary: '添加沟通记录',
    description:
      'contact_phone as the app shows it (masked) is resolved to the case’s number it masks (a masked number not on the case ' +
      'is 400); a full number is kept. Additions: contact_time (when it happened, for a record made offline; default now) and ' +
      'client_id (offline sync). Moves the case’s last contact; written back to the tenant’s core system. ' +
      `data: {id, case_id, created_at}. ${SCOPE}`,
    params: caseParams,
    body: z.object({
      contact_method: z.enum(CONTACT_METHODS),
      contact_phone: z.string().min(1).max(32).optional(),
      contact_result: z.enum(CONTACT_RESULTS),
      communication_content: z.string().max(10_000).optional(),
      call_duration_seconds: z.number().int().min(0).max(86_400).optional(),
      audio_url: z.string().url().max(500).optional(),
      contact_person: z.enum(CONTACT_PERSONS).optional(),
      next_follow_up_at: z.string().min(1).max(40).optional().describe('2025-11-25T10:00:00 or 2025-11-25 10:00:00 (tenant zone)'),
      tags: z.array(z.string().min(1).max(50)).max(20).optional(),
      contact_time: z.string().min(1).max(40).optional().describe('addition: when (tenant zone); default now'),
      client_id: clientId,
    }),
    response: z.object({ id: z.number().int(), case_id: z.number().int(), created_at: localTime }),
    message: '沟通记录保存成功',
    operation: ImRecordCommunicationDocument,
    variables: ({ params, body }) => ({
      input: defined({
        caseId: params.case_id,
        contactMethod: body.contact_method,
        contactPhone: body.contact_phone,
        contactResult: body.contact_result,
        communicationContent: body.communication_content,
        callDurationSeconds: body.call_duration_seconds,
        audioUrl: body.audio_url,
        contactPerson: body.contact_person,
        nextFollowUpAt: body.next_follow_up_at,
        tags: body.tags,
        contactTime: body.contact_time,
        clientId: body.client_id,
      }),
    }),
    map: ({ recordCommunication: r }) => ({ id: Number(r.id), case_id: Number(r.caseId), created_at: ccoTime(r.createdAt, r.tenant.zone) }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/cases/{case_id}/communications',
    summary: '获取沟通历史',
    description: `Newest first; filters contact_method and contact_result; the CCO page (page, size: default 20, at most 100). ${SCOPE}`,
    params: caseParams,
    query: z.object({
      contact_method: z.enum(CONTACT_METHODS).optional().describe('联系方式筛选'),
      contact_result: z.string().min(1).max(32).optional().describe('联系结果筛选'),
      ...imPageQuery,
    }),
    response: ccoPage(communicationItem),
    operation: ImCaseCommunicationsDocument,
    variables: ({ params, query }) => ({
      caseId: params.case_id,
      contactMethod: query.contact_method,
      contactResult: query.contact_result,
      page: query.page,
      pageSize: query.size,
    }),
    map: ({ me, myCaseCommunications: p }, { query }) => {
      const zone = tenantZone(me);
      return {
        total: p.total,
        page: p.page,
        size: query.size,
        items: p.items.map((m) => ({
          id: Number(m.id),
          contact_time: ccoTime(m.contactTime, zone),
          contact_method: m.contactMethod,
          contact_result: m.contactResult,
          communication_content: m.communicationContent,
          collector_name: m.collectorName,
          call_duration_seconds: m.callDurationSeconds,
        })),
      };
    },
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/cases/{case_id}/call',
    summary: '拨打电话',
    description:
      'Places the call through the tenant’s telephony provider (the local provider records what it would dial and answers ' +
      'like a PBX). phone_number as the case shows it (masked) or contact_id (addition) picks the number; none: the debtor’s ' +
      'mobile; a number not on the case is 400. Recorded as a phone communication of the case (result `connecting`, the call ' +
      'id kept), written back to the tenant’s core system. Addition: communication_id. A retry with the same client_id ' +
      `answers the first call and dials nothing. ${SCOPE}`,
    params: caseParams,
    body: z.object(reach),
    response: z.object({
      call_id: z.string(),
      call_url: z.string().describe('where the collector’s softphone joins the call'),
      status: z.string().describe('connecting'),
      communication_id: z.number().int(),
    }),
    operation: ImCallDocument,
    variables: ({ params, body }) => ({ input: reachInput(params.case_id, body) }),
    map: ({ callDebtor: c }) => ({ call_id: c.callId, call_url: c.callUrl, status: c.status, communication_id: Number(c.communication.id) }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/cases/{case_id}/whatsapp',
    summary: '发送WhatsApp消息',
    description: `Through the tenant’s WhatsApp provider. ${MESSAGE}`,
    params: caseParams,
    body: messageBody,
    response: messageResponse,
    message: '发送成功',
    operation: ImSendWhatsAppDocument,
    variables: ({ params, body }) => ({ input: { ...reachInput(params.case_id, body), messageTemplate: body.message_template, variables: body.variables } }),
    map: ({ sendWhatsApp: m }) => ({ message_id: m.messageId, status: m.status, communication_id: Number(m.communication.id) }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/cases/{case_id}/sms',
    summary: '发送SMS',
    description: `Through the tenant’s SMS gateway. ${MESSAGE}`,
    params: caseParams,
    body: messageBody,
    response: messageResponse,
    message: '发送成功',
    operation: ImSendSmsDocument,
    variables: ({ params, body }) => ({ input: { ...reachInput(params.case_id, body), messageTemplate: body.message_template, variables: body.variables } }),
    map: ({ sendSms: m }) => ({ message_id: m.messageId, status: m.status, communication_id: Number(m.communication.id) }),
  }),
];
