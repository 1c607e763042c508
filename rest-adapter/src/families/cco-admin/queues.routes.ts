import { z } from 'zod';
import { notFoundError } from '../../framework/rest-error';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, intId, intIdParam, isTrue, queryBool } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';
import { ccoFieldMessages, ccoPage, ccoPageQuery } from './cco.shapes';
import { type CcoQueueFragment, CcoCreateQueueDocument, CcoQueueConfigDocument, CcoQueuesDocument } from './operations.generated';

const queueItem = z.object({
  id: z.number().int(),
  queue_code: z.string(),
  queue_name: z.string(),
  queue_name_en: z.string().nullable(),
  queue_description: z.string().nullable(),
  overdue_days_start: z.number().int(),
  overdue_days_end: z.number().int().nullable().describe('null: no upper bound'),
  case_count: z.number().int(),
  assigned_count: z.number().int(),
  unassigned_count: z.number().int(),
  sort_order: z.number().int(),
  is_active: z.boolean(),
});

const toQueueItem = (q: CcoQueueFragment): z.input<typeof queueItem> => ({
  id: Number(q.id),
  queue_code: q.queueCode,
  queue_name: q.queueName,
  queue_name_en: q.queueNameEn ?? null,
  queue_description: q.queueDescription ?? null,
  overdue_days_start: q.overdueDaysStart,
  overdue_days_end: q.overdueDaysEnd ?? null,
  case_count: q.caseCount,
  assigned_count: q.assignedCount,
  unassigned_count: q.unassignedCount,
  sort_order: q.sortOrder,
  is_active: q.isActive,
});

const fieldConfig = z.object({ field_key: z.string(), is_visible: z.boolean(), is_required: z.boolean(), sort_order: z.number().int() });

const common = { family: ccoAdmin, rateLimit: rateLimit.none, auth: true, errorMessages: ccoFieldMessages } as const;
const COUNTS =
  'case_count counts the queue\'s open cases (pending_repayment, partial_repayment, promised) inside the caller\'s data ' +
  'scope (an AgencyAdmin counts their agency\'s, a TeamLeader their team\'s); assigned_count those with a collector, ' +
  'unassigned_count the rest — counted in SQL, one grouped statement per page.';

export const ccoQueueRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/queues',
    summary: '获取队列列表',
    description:
      `The tenant's queues by sort_order in the CCO page. ${COUNTS} tenant_id: SuperAdmin picks a tenant (every tenant ` +
      'without it); anyone else sees their own tenant, and naming another is 404. Admin-console roles (queues:view); a ' +
      'collector token is 403.',
    query: z.object({ ...ccoPageQuery, tenant_id: intIdParam.optional().describe('甲方ID（SuperAdmin）'), is_active: queryBool.optional().describe('是否启用') }),
    response: ccoPage(queueItem),
    operation: CcoQueuesDocument,
    variables: ({ query }) =>
      defined({
        tenantId: query.tenant_id,
        isActive: query.is_active === undefined ? undefined : isTrue(query.is_active),
        page: query.page,
        pageSize: query.size,
      }),
    map: ({ queues: p }, { query }) => ({ total: p.total, page: p.page, size: query.size, items: p.items.map(toQueueItem) }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/queues',
    summary: '创建队列',
    description:
      'Fields as the document\'s example; overdue_days_end may be null (no upper bound, e.g. M3 61+) and must be at least ' +
      'overdue_days_start. An active queue\'s range may not overlap another active queue of the tenant: 400 naming ' +
      'overdue_days_start or overdue_days_end (the bound inside the other queue). A queue_code taken in the tenant is 409. ' +
      'tenant_id: required for SuperAdmin; a TenantAdmin creates in their own tenant (another tenant_id is 403). The ' +
      'document shows no answer: data is the created queue as the list shows it.',
    body: z.object({
      tenant_id: intId.optional(),
      queue_code: z.string().min(1).max(50).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ or -'),
      queue_name: z.string().trim().min(1).max(100),
      queue_name_en: z.string().max(100).nullable().optional(),
      queue_description: z.string().max(500).nullable().optional(),
      overdue_days_start: z.number().int().min(0).max(100_000),
      overdue_days_end: z.number().int().min(0).max(100_000).nullable().optional(),
      sort_order: z.number().int().min(0).max(100_000).optional(),
      is_active: z.boolean().optional(),
    }),
    response: queueItem,
    message: '创建成功',
    operation: CcoCreateQueueDocument,
    variables: ({ body }) => ({
      input: defined({
        tenantId: body.tenant_id === undefined ? undefined : String(body.tenant_id),
        queueCode: body.queue_code,
        queueName: body.queue_name,
        queueNameEn: body.queue_name_en ?? undefined,
        queueDescription: body.queue_description ?? undefined,
        overdueDaysStart: body.overdue_days_start,
        overdueDaysEnd: body.overdue_days_end,
        sortOrder: body.sort_order,
        isActive: body.is_active,
      }),
    }),
    map: (d) => toQueueItem(d.createQueue),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/queues/{queue_id}/config',
    summary: '获取队列配置',
    description:
      'The queue\'s field configuration in order. A queue with none of its own answers its default: the tenant\'s ' +
      '`admin_case_list` field display (POST /field-display/batch) when configured, else the active standard fields in ' +
      'their order (is_required as the standard field says). `source` (beyond the document) tells which: queue, ' +
      'tenant_display or standard. Another tenant\'s or an unknown queue is 404.',
    params: z.object({ queue_id: intIdParam }),
    response: z.object({ queue_id: z.number().int(), queue_name: z.string(), source: z.enum(['queue', 'tenant_display', 'standard']), field_configs: z.array(fieldConfig) }),
    operation: CcoQueueConfigDocument,
    variables: ({ params }) => ({ queueId: params.queue_id }),
    map: ({ queueConfig: c }) => {
      if (!c) throw notFoundError('Queue');
      return {
        queue_id: Number(c.queueId),
        queue_name: c.queueName,
        source: c.source as 'queue' | 'tenant_display' | 'standard',
        field_configs: c.fieldConfigs.map((f) => ({ field_key: f.fieldKey, is_visible: f.isVisible, is_required: f.isRequired, sort_order: f.sortOrder })),
      };
    },
  }),
];
