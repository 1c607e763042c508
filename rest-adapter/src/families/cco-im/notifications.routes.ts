import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { intId, intIdParam, isTrue, queryBool } from '../shared/inputs';
import { announcementItem, ccoPage, ccoPageQuery, ccoTime, ccoTimeOrNull, localTime, tenantZone } from '../cco-admin/cco.shapes';
import { ccoIm } from './cco-im.family';
import {
  type ImNotificationFragment,
  ImMarkNotificationReadDocument,
  ImMarkNotificationsReadDocument,
  ImNotificationHistoryDocument,
  ImPublicNotificationsDocument,
  ImUnreadNotificationsDocument,
} from './operations.generated';

const notificationItem = z.object({
  id: z.number().int(),
  notification_type: z.string(),
  title: z.string(),
  content: z.string(),
  is_forced_read: z.boolean(),
  priority: z.string(),
  created_at: localTime,
  action_url: z.string().nullable(),
  display_duration_seconds: z.number().int().nullable().describe('How long the pop-up shows (from its template)'),
});
const historyItem = notificationItem.extend({ is_read: z.boolean(), read_at: localTime.nullable() });

const toItem = (n: ImNotificationFragment, zone: string): z.input<typeof notificationItem> => ({
  id: Number(n.id),
  notification_type: n.category,
  title: n.title,
  content: n.body,
  is_forced_read: n.forcedRead,
  priority: n.priority,
  created_at: ccoTime(n.createdAt, zone),
  action_url: n.actionUrl ?? null,
  display_duration_seconds: n.displayDurationSeconds ?? null,
});

const FIELDS = { ids: 'notification_ids', id: 'notification_id', category: 'notification_type', read: 'is_read' };
const common = { family: ccoIm, rateLimit: rateLimit.none, auth: true, fieldAliases: FIELDS } as const;
const OWN = "The signed-in collector's own notifications only.";

export const ccoImNotificationRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/notifications/unread',
    summary: '获取未读通知',
    description: `total_unread and the newest 100 unread notifications, newest first; display_duration_seconds added from the template. ${OWN}`,
    response: z.object({ total_unread: z.number().int(), items: z.array(notificationItem) }),
    operation: ImUnreadNotificationsDocument,
    map: ({ me, myNotifications: page }) => ({
      total_unread: page.total,
      items: page.items.map((n) => toItem(n, tenantZone(me))),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/notifications/history',
    summary: '获取通知历史',
    description: `Every notification, newest first, filtered by notification_type and is_read; the CCO page (page, size). Items add is_read and read_at. ${OWN}`,
    query: z.object({
      notification_type: z.string().min(1).max(50).regex(/^[a-z][a-z0-9_]*$/, 'must be a lower_snake_case code').optional(),
      is_read: queryBool.optional(),
      ...ccoPageQuery,
    }),
    response: ccoPage(historyItem),
    operation: ImNotificationHistoryDocument,
    variables: ({ query }) => ({
      category: query.notification_type,
      read: query.is_read === undefined ? undefined : isTrue(query.is_read),
      page: query.page,
      pageSize: query.size,
    }),
    map: ({ me, myNotifications: p }, { query }) => ({
      total: p.total,
      page: p.page,
      size: query.size,
      items: p.items.map((n) => ({ ...toItem(n, tenantZone(me)), is_read: n.read, read_at: ccoTimeOrNull(n.readAt, tenantZone(me)) })),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/notifications/{notification_id}/read',
    summary: '标记通知已读',
    description: `Idempotent; another collector's notification is 404, as a missing one. ${OWN}`,
    params: z.object({ notification_id: intIdParam }),
    message: '已标记为已读',
    operation: ImMarkNotificationReadDocument,
    variables: ({ params }) => ({ id: params.notification_id }),
    map: () => undefined,
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/notifications/read-batch',
    summary: '批量标记已读',
    description: `1–100 ids; all or none: an id that is not the caller's notification is 404 and marks nothing. The document shows no answer: \`{code:200, message:"已标记为已读"}\` as the single one. ${OWN}`,
    body: z.object({ notification_ids: z.array(intId).min(1).max(100) }),
    message: '已标记为已读',
    operation: ImMarkNotificationsReadDocument,
    variables: ({ body }) => ({ ids: body.notification_ids.map(String) }),
    map: () => undefined,
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/public-notifications',
    summary: '获取公共通知',
    description: "Announcements in effect now (enabled, within their window), newest first, in the CCO page shape; items add is_read, the caller's own read state.",
    query: z.object(ccoPageQuery),
    response: ccoPage(
      z.object({
        id: z.number().int(),
        title: z.string(),
        content: z.string(),
        is_forced_read: z.boolean(),
        effective_start_time: localTime,
        effective_end_time: localTime.nullable(),
        created_at: localTime,
        is_read: z.boolean(),
      }),
    ),
    operation: ImPublicNotificationsDocument,
    variables: ({ query }) => ({ page: query.page, pageSize: query.size }),
    map: ({ me, currentPublicNotifications: p }, { query }) => ({
      total: p.total,
      page: p.page,
      size: query.size,
      items: p.items.map((n) => ({ ...announcementItem(n, tenantZone(me)), is_read: n.read })),
    }),
  }),
];
