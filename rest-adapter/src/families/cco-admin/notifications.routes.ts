import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, intId } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';
import { announcementItem, ccoFieldMessages, ccoPage, ccoPageQuery, localTime, tenantZone } from './cco.shapes';
import {
  type CcoTemplateFragment,
  CcoCreateNotificationTemplateDocument,
  CcoCreatePublicNotificationDocument,
  CcoNotificationTemplatesDocument,
  CcoPublicNotificationsDocument,
  CcoPushNotificationDocument,
} from './operations.generated';

const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
const snakeCode = z.string().min(1).max(50).regex(/^[a-z][a-z0-9_]*$/, 'must be a lower_snake_case code');
/** CCO's local time as its examples write it, read in the tenant's zone (activity checks the format, naming the field). */
const localTimeInput = z.string().min(1).max(40).describe('YYYY-MM-DD HH:mm:ss in the tenant\'s zone');

const templateItem = z.object({
  id: z.number().int(),
  template_id: z.string(),
  template_name: z.string(),
  template_type: z.string(),
  content_template: z.string(),
  target_type: z.string(),
  is_forced_read: z.boolean(),
  repeat_interval_minutes: z.number().int().nullable(),
  max_remind_count: z.number().int(),
  priority: z.enum(PRIORITIES),
  display_duration_seconds: z.number().int().nullable(),
  is_enabled: z.boolean(),
  total_sent: z.number().int(),
  total_read: z.number().int(),
});

const toTemplateItem = (t: CcoTemplateFragment): z.input<typeof templateItem> => ({
  id: Number(t.id),
  template_id: t.code,
  template_name: t.name,
  template_type: t.type,
  content_template: t.contentTemplate,
  target_type: t.targetType,
  is_forced_read: t.forcedRead,
  repeat_interval_minutes: t.repeatIntervalMinutes ?? null,
  max_remind_count: t.maxRemindCount,
  priority: t.priority,
  display_duration_seconds: t.displayDurationSeconds ?? null,
  is_enabled: t.enabled,
  total_sent: t.totalSent,
  total_read: t.totalRead,
});

const publicItem = z.object({
  id: z.number().int(),
  title: z.string(),
  content: z.string(),
  is_forced_read: z.boolean(),
  effective_start_time: localTime,
  effective_end_time: localTime.nullable(),
  is_enabled: z.boolean(),
  created_at: localTime,
});

/** GraphQL input field → the document's name. */
const FIELDS = {
  code: 'template_id',
  templateCode: 'template_id',
  name: 'template_name',
  type: 'template_type',
  forcedRead: 'is_forced_read',
  enabled: 'is_enabled',
  userIds: 'target_collectors',
  teamIds: 'target_teams',
  agencyIds: 'target_agencies',
  roles: 'target_roles',
  effectiveStart: 'effective_start_time',
  effectiveEnd: 'effective_end_time',
  recipients: 'target_collectors',
};
const common = { family: ccoAdmin, rateLimit: rateLimit.none, auth: true, fieldAliases: FIELDS, errorMessages: ccoFieldMessages } as const;
const MANAGE = 'TenantAdmin (or `notifications:manage`); other accounts get 403.';
const ids = (values: number[] | undefined) => values?.map(String);

export const ccoNotificationRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/notification-templates',
    summary: '获取通知模板列表',
    description: `The tenant's templates, oldest first. total_sent / total_read count the notifications sent from each (counted in SQL). ${MANAGE}`,
    query: z.object(ccoPageQuery),
    response: ccoPage(templateItem),
    operation: CcoNotificationTemplatesDocument,
    variables: ({ query }) => ({ page: query.page, pageSize: query.size }),
    map: ({ notificationTemplates: p }, { query }) => ({ total: p.total, page: p.page, size: query.size, items: p.items.map(toTemplateItem) }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/notification-templates',
    summary: '创建通知模板',
    description:
      'Fields as the document\'s example; `{placeholders}` in content_template are filled from the push\'s variables. ' +
      'A template_id already used in the tenant is 409; a template_id of a platform notice (worklog.rated, repayment.received, ' +
      `case.assigned, ptp.due, lead.followup_overdue) replaces the platform's default text for the tenant. Answers the template. ${MANAGE}`,
    body: z.object({
      template_id: z.string().min(1).max(64).regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'must start with a letter and hold letters, digits, _ . -'),
      template_name: z.string().min(1).max(100),
      template_type: snakeCode,
      content_template: z.string().min(1).max(5000),
      target_type: z.string().min(1).max(30).regex(/^[a-z][a-z0-9_]*$/, 'must be a lower_snake_case code').optional(),
      is_forced_read: z.boolean().optional(),
      repeat_interval_minutes: z.number().int().min(1).max(10_080).nullable().optional(),
      max_remind_count: z.number().int().min(0).max(100).optional(),
      priority: z.enum(PRIORITIES).optional(),
      display_duration_seconds: z.number().int().min(1).max(3600).nullable().optional(),
      is_enabled: z.boolean().optional(),
    }),
    response: templateItem,
    message: '创建成功',
    operation: CcoCreateNotificationTemplateDocument,
    variables: ({ body }) => ({
      input: defined({
        code: body.template_id,
        name: body.template_name,
        type: body.template_type,
        contentTemplate: body.content_template,
        targetType: body.target_type,
        forcedRead: body.is_forced_read,
        repeatIntervalMinutes: body.repeat_interval_minutes,
        maxRemindCount: body.max_remind_count,
        priority: body.priority,
        displayDurationSeconds: body.display_duration_seconds,
        enabled: body.is_enabled,
      }),
    }),
    map: (d) => toTemplateItem(d.createNotificationTemplate),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/notifications/push',
    summary: '推送通知',
    description:
      'Renders the template (template_id) with `variables` for every collector named in target_collectors and, beyond ' +
      'the document, every member of target_teams / target_agencies and every holder of the role codes in target_roles ' +
      '(users outside the tenant are left out). Each recipient gets one notification, delivered live. The document shows ' +
      'no answer: data is `{sent_count, notification_ids}`. Unknown template_id is 404; no recipient in the tenant is 400 ' +
      `naming target_collectors; a disabled template is 400. TenantAdmin (or \`notifications:send\`).`,
    body: z.object({
      template_id: z.string().min(1).max(64),
      target_collectors: z.array(intId).max(1000).optional(),
      target_teams: z.array(intId).max(100).optional(),
      target_agencies: z.array(intId).max(100).optional(),
      target_roles: z.array(z.string().min(1).max(64).regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must be a role code')).max(20).optional(),
      variables: z.record(z.string(), z.union([z.string().max(1000), z.number(), z.null()])).optional(),
    }),
    response: z.object({ sent_count: z.number().int(), notification_ids: z.array(z.number().int()) }),
    message: '推送成功',
    operation: CcoPushNotificationDocument,
    variables: ({ body }) => ({
      input: defined({
        templateCode: body.template_id,
        userIds: ids(body.target_collectors),
        teamIds: ids(body.target_teams),
        agencyIds: ids(body.target_agencies),
        roles: body.target_roles,
        variables: body.variables,
      }),
    }),
    map: ({ pushNotification: sent }) => ({ sent_count: sent.length, notification_ids: sent.map((n) => Number(n.id)) }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/public-notifications',
    summary: '公共通知管理（列表）',
    description: `Every announcement of the tenant, newest first, times in the tenant's zone. ${MANAGE}`,
    query: z.object(ccoPageQuery),
    response: ccoPage(publicItem),
    operation: CcoPublicNotificationsDocument,
    variables: ({ query }) => ({ page: query.page, pageSize: query.size }),
    map: ({ me, publicNotifications: p }, { query }) => {
      const zone = tenantZone(me);
      return {
        total: p.total,
        page: p.page,
        size: query.size,
        items: p.items.map((n) => ({ ...announcementItem(n, zone), is_enabled: n.enabled })),
      };
    },
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/public-notifications',
    summary: '创建公共通知',
    description:
      'The document lists only the path: fields are the list\'s (10.4): title, content, is_forced_read, ' +
      'effective_start_time and effective_end_time (YYYY-MM-DD HH:mm:ss in the tenant\'s zone; no end: until disabled), ' +
      `is_enabled. An end before the start is 400. Answers \`{id}\`. ${MANAGE}`,
    body: z.object({
      title: z.string().min(1).max(200),
      content: z.string().min(1).max(10_000),
      is_forced_read: z.boolean().optional(),
      effective_start_time: localTimeInput,
      effective_end_time: localTimeInput.nullable().optional(),
      is_enabled: z.boolean().optional(),
    }),
    response: z.object({ id: z.number().int() }),
    message: '创建成功',
    operation: CcoCreatePublicNotificationDocument,
    variables: ({ body }) => ({
      input: defined({
        title: body.title,
        content: body.content,
        forcedRead: body.is_forced_read,
        effectiveStart: body.effective_start_time,
        effectiveEnd: body.effective_end_time,
        enabled: body.is_enabled,
      }),
    }),
    map: (d) => ({ id: Number(d.createPublicNotification.id) }),
  }),
];
