import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { intIdParam } from '../shared/inputs';
import { leads002 } from './leads002.family';
import { LeadsLogsDocument } from './operations.generated';

const date = z.iso.date('must be a date YYYY-MM-DD');

/** The day after a `YYYY-MM-DD`, as the exclusive end of an inclusive date_to. */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

const logItem = z.object({
  id: z.number().int(),
  lead_id: z.number().int(),
  user_id: z.number().int().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  content: z.string().nullable(),
  before_data: z.record(z.string(), z.unknown()).nullable(),
  after_data: z.record(z.string(), z.unknown()).nullable(),
  created_at: z.string(),
});

export const leadsLogRoutes = [
  graphqlRoute({
    method: 'GET',
    path: '/api/logs',
    family: leads002,
    summary: '查询日志',
    description:
      'The document shows only `{ ...日志对象... }`: each entry is `{id, lead_id, user_id, username, action ' +
      '(create, update, delete, follow_up, end_follow_up…), content (the summary, e.g. 新增线索 张三), before_data, ' +
      'after_data (the lead\'s changed fields by their snake_case names), created_at}`, newest first, the whole list. ' +
      'lead_id narrows to one lead; date_from / date_to (YYYY-MM-DD, both inclusive, UTC) to a period; a bad date is 400. ' +
      'Entries come from the leads subgraph\'s audit trail. Admins only (403 权限不足 otherwise).',
    query: z.object({ lead_id: intIdParam.optional(), date_from: date.optional(), date_to: date.optional() }),
    response: z.object({ list: z.array(logItem) }),
    rateLimit: rateLimit.normal,
    auth: true,
    fieldAliases: { resourceId: 'lead_id', from: 'date_from', to: 'date_to' },
    operation: LeadsLogsDocument,
    allPages: () => 'auditLogs',
    variables: ({ query }) => ({
      resourceId: query.lead_id,
      from: query.date_from ? `${query.date_from}T00:00:00.000Z` : undefined,
      to: query.date_to ? dayAfter(query.date_to) : undefined,
    }),
    map: ({ auditLogs }) => ({
      list: auditLogs.items.map((e) => ({
        id: Number(e.id),
        lead_id: Number(e.resourceId),
        user_id: e.actorId ? Number(e.actorId) : null,
        username: e.actorName ?? null,
        action: e.action,
        content: e.summary ?? null,
        before_data: e.before ?? null,
        after_data: e.after ?? null,
        created_at: leads002.time(e.occurredAt, 'UTC'),
      })),
    }),
  }),
];
