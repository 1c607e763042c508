import { z } from 'zod';
import { headerValue } from '@platform/kit';
import { invalidInput } from '../../framework/rest-error';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { queryInt } from '../shared/inputs';
import { crm003 } from './crm003.family';
import { CrmAuditLogsDocument } from './operations.generated';

const entry = z.object({
  id: z.string(),
  tenantId: z.string().nullable(),
  source: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  summary: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: z.string().describe('ISO 8601 UTC: when the change happened'),
});

export const crmAuditLogRoutes = [
  graphqlRoute({
    method: 'GET',
    path: '/api/v1/crm/audit-logs',
    family: crm003,
    summary: '操作审计日志（分页、resourceType 筛选）',
    description:
      "The tenant's audit trail (every subgraph's changes), newest first. X-Tenant-Id (the tenant's code or id) is " +
      "required (400) and must be the caller's tenant (403; a platform admin may name any). resourceType / resourceId " +
      'filter. Readable by tenant admins and holders of `audit:read` (403 otherwise).',
    query: z.object({
      page: queryInt(1).default(1),
      pageSize: queryInt(1, 100).default(20),
      resourceType: z.string().min(1).max(50).regex(/^[a-z][a-z0-9_]*$/, 'must be a lower_snake_case code').optional(),
      resourceId: z.string().min(1).max(64).optional(),
    }),
    response: z.object({ data: z.array(entry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
    rateLimit: rateLimit.normal,
    auth: true,
    fieldAliases: { tenant: 'X-Tenant-Id' },
    operation: CrmAuditLogsDocument,
    variables: ({ query, headers }) => {
      const tenant = headerValue(headers, 'x-tenant-id')?.trim();
      if (!tenant) throw invalidInput('X-Tenant-Id', 'is required');
      return { tenant, resourceType: query.resourceType, resourceId: query.resourceId, page: query.page, pageSize: query.pageSize };
    },
    map: ({ auditLogs: p }) => ({
      data: p.items.map((e) => ({
        id: String(e.id),
        tenantId: e.tenantId ?? null,
        source: e.source,
        actorId: e.actorId ?? null,
        actorName: e.actorName ?? null,
        action: e.action,
        resourceType: e.resourceType,
        resourceId: e.resourceId,
        before: e.before ?? null,
        after: e.after ?? null,
        summary: e.summary ?? null,
        requestId: e.requestId ?? null,
        createdAt: crm003.time(e.occurredAt, 'UTC'),
      })),
      total: p.total,
      page: p.page,
      pageSize: p.pageSize,
    }),
  }),
];
