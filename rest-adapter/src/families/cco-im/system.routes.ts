import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { ccoFieldMessages, ccoPage, ccoTime, localTime, tenantZone } from '../cco-admin/cco.shapes';
import { imPageQuery } from './app.shapes';
import { ccoIm } from './cco-im.family';
import { ImAppVersionDocument, ImHelpDocument, ImSubmitFeedbackDocument } from './operations.generated';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ccoImSystemRoutes = [
  graphqlRoute({
    method: 'GET',
    path: '/api/v1/im/system/version',
    family: ccoIm,
    errorMessages: ccoFieldMessages,
    summary: '版本检查',
    description:
      'No token needed (the app checks before signing in). The release is the deployment’s configuration ' +
      '(APP_LATEST_VERSION, APP_MIN_VERSION, APP_UPDATE_URL_IOS / _ANDROID, APP_UPDATE_NOTES). has_update: ' +
      'current_version is older than latest_version; is_force_update: older than the minimum version still allowed. ' +
      'update_url is the platform’s link (null when not configured); update_notes empty without an update. Versions are ' +
      'major.minor.patch.',
    query: z.object({
      current_version: z.string().regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/, 'must be a version like 1.2.3'),
      platform: z.enum(['ios', 'android']),
    }),
    response: z.object({
      latest_version: z.string(),
      current_version: z.string(),
      has_update: z.boolean(),
      is_force_update: z.boolean(),
      update_url: z.string().nullable(),
      update_notes: z.string(),
    }),
    rateLimit: rateLimit.none,
    auth: false,
    fieldAliases: { currentVersion: 'current_version' },
    operation: ImAppVersionDocument,
    variables: ({ query }) => ({ platform: query.platform, currentVersion: query.current_version }),
    map: ({ appVersionCheck: v }) => ({
      latest_version: v.latestVersion,
      current_version: v.currentVersion,
      has_update: v.hasUpdate,
      is_force_update: v.isForceUpdate,
      update_url: v.updateUrl ?? null,
      update_notes: v.updateNotes,
    }),
  }),
  graphqlRoute({
    method: 'POST',
    path: '/api/v1/im/system/feedback',
    family: ccoIm,
    errorMessages: ccoFieldMessages,
    summary: '意见反馈',
    description:
      'Stored for the tenant’s administrators (GraphQL appFeedback) with who sent it. feedback_type: bug, feature, ' +
      'complaint or other; title 1–200 and content 1–5000 characters; images: up to 9 http(s) links; device_info ' +
      'optional. The document shows no answer: `data: {id}`, the feedback’s id.',
    body: z.object({
      feedback_type: z.enum(['bug', 'feature', 'complaint', 'other']),
      title: text(200),
      content: text(5000),
      images: z.array(z.url({ protocol: /^https?$/ }).max(1000)).max(9).optional(),
      device_info: z
        .object({ device_model: text(128).optional(), os_version: text(64).optional(), app_version: text(32).optional() })
        .optional(),
    }),
    response: z.object({ id: z.number().int() }),
    message: '提交成功',
    rateLimit: rateLimit.normal,
    auth: true,
    fieldAliases: { feedbackType: 'feedback_type', deviceInfo: 'device_info' },
    operation: ImSubmitFeedbackDocument,
    variables: ({ body }) => ({
      input: {
        feedbackType: body.feedback_type,
        title: body.title,
        content: body.content,
        images: body.images,
        deviceInfo: body.device_info && {
          deviceModel: body.device_info.device_model,
          osVersion: body.device_info.os_version,
          appVersion: body.device_info.app_version,
        },
      },
    }),
    map: ({ submitAppFeedback }) => ({ id: Number(submitAppFeedback.id) }),
  }),
  graphqlRoute({
    method: 'GET',
    path: '/api/v1/im/system/help',
    family: ccoIm,
    errorMessages: ccoFieldMessages,
    summary: '帮助中心',
    description:
      'The tenant’s active help pages (knowledge articles of kind help, maintained by its administrators through GraphQL), ' +
      'by sort order, optionally of one category; the CCO page of `{id, title, content, category, updated_at}`.',
    query: z.object({ category: z.string().min(1).max(50).regex(/^[a-z][a-z0-9_]*$/, 'must be a lower_snake_case code').optional(), ...imPageQuery }),
    response: ccoPage(z.object({ id: z.number().int(), title: z.string(), content: z.string(), category: z.string().nullable(), updated_at: localTime })),
    rateLimit: rateLimit.none,
    auth: true,
    operation: ImHelpDocument,
    variables: ({ query }) => ({ category: query.category, page: query.page, pageSize: query.size }),
    map: ({ me, knowledgeArticles: p }, { query }) => ({
      total: p.total,
      page: p.page,
      size: query.size,
      items: p.items.map((a) => ({ id: Number(a.id), title: a.title, content: a.content, category: a.category ?? null, updated_at: ccoTime(a.updatedAt, tenantZone(me)) })),
    }),
  }),
];
