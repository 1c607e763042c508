import { raw, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { flushOrConflict, pageWindow, toPage, type Paged, type PageWindow } from '@platform/kit';
import DataLoader from 'dataloader';
import { ActivityErrors } from '../activity.errors';
import type { ActivityContext } from '../activity.context';
import { Notification } from '../entities/notification.entity';
import { NotificationTemplate } from '../entities/notification-template.entity';
import type { CreateNotificationTemplateInput } from '../resolvers/notification-template.input';
import { defaultTemplate, type TemplateDefinition } from './default-templates';
import type { NoticeContent } from './notification-delivery.service';
import { renderTemplate, type TemplateParams } from './template-render';

/**
 * The template a notice of `code` uses in the tenant: the tenant's own (null when it is disabled: the tenant turned
 * that notice off), else the platform default, else NOT_FOUND.
 */
export async function templateFor(em: EntityManager, tenantId: number, code: string): Promise<TemplateDefinition | null> {
  const own = await em.findOne(NotificationTemplate, { tenantId, code });
  if (own) return own.enabled ? definitionOf(own) : null;
  const fallback = defaultTemplate(code);
  if (!fallback) throw ActivityErrors.templateNotFound(code);
  return fallback;
}

const definitionOf = (t: NotificationTemplate): TemplateDefinition => ({
  code: t.code,
  name: t.name,
  type: t.type,
  titleTemplate: t.titleTemplate ?? null,
  contentTemplate: t.contentTemplate,
  forcedRead: t.forcedRead,
  priority: t.priority,
  repeatIntervalMinutes: t.repeatIntervalMinutes ?? null,
  maxRemindCount: t.maxRemindCount,
  displayDurationSeconds: t.displayDurationSeconds ?? null,
  actionUrlTemplate: t.actionUrlTemplate ?? null,
});

/** A notice's content from its template and params. */
export function renderNotice(template: TemplateDefinition, params: TemplateParams = {}): NoticeContent {
  return {
    title: renderTemplate(template.titleTemplate ?? template.name, params).slice(0, 200),
    body: renderTemplate(template.contentTemplate, params),
    category: template.type,
    priority: template.priority,
    forcedRead: template.forcedRead,
    templateCode: template.code,
    actionUrl: template.actionUrlTemplate ? renderTemplate(template.actionUrlTemplate, params).slice(0, 500) : null,
    displayDurationSeconds: template.displayDurationSeconds,
    remindIntervalMinutes: template.repeatIntervalMinutes,
    maxRemindCount: template.maxRemindCount,
  };
}

export async function listTemplates(ctx: ActivityContext, paging: PageWindow, enabled?: boolean | null): Promise<Paged<NotificationTemplate>> {
  const where = enabled === undefined || enabled === null ? {} : { enabled };
  const [items, total] = await ctx.em.findAndCount(NotificationTemplate, where, { orderBy: { id: 'asc' }, ...pageWindow(paging) });
  return toPage(items, total, paging);
}

export async function createTemplate(ctx: ActivityContext, tenantId: number, input: CreateNotificationTemplateInput): Promise<NotificationTemplate> {
  const template = ctx.em.create(NotificationTemplate, {
    tenantId,
    code: input.code,
    name: input.name,
    type: input.type,
    titleTemplate: input.titleTemplate ?? null,
    contentTemplate: input.contentTemplate,
    targetType: input.targetType ?? 'collector',
    forcedRead: input.forcedRead ?? false,
    repeatIntervalMinutes: input.repeatIntervalMinutes ?? null,
    maxRemindCount: input.maxRemindCount ?? 0,
    priority: input.priority ?? undefined,
    displayDurationSeconds: input.displayDurationSeconds ?? null,
    actionUrlTemplate: input.actionUrlTemplate ?? null,
    enabled: input.enabled ?? true,
  });
  await flushOrConflict(ctx.em, () => ActivityErrors.templateTaken(input.code));
  return template;
}

export interface TemplateCounts {
  sent: number;
  read: number;
}

/**
 * Sent and read notifications per template code, counted in SQL (`count(*)`, `sum(is_read)` grouped by code) in one
 * statement per page of templates; the tenant filter scopes it to the caller's tenant.
 */
export const templateCounts = (ctx: ActivityContext) =>
  ctx.loaders.get('templateCounts', () => new DataLoader<string, TemplateCounts>(async (codes) => {
    const qb = (ctx.em as SqlEntityManager)
      .createQueryBuilder(Notification)
      .select(['templateCode', raw('count(*) as sent_count'), raw('sum(case when is_read then 1 else 0 end) as read_count')] as never)
      .where({ templateCode: { $in: [...new Set(codes)] } } as never)
      .groupBy('templateCode' as never);
    await qb.applyFilters();
    const rows = (await qb.execute('all', true)) as unknown as Array<{ templateCode: string; sent_count: unknown; read_count: unknown }>;
    const byCode = new Map(rows.map((r) => [r.templateCode, { sent: Number(r.sent_count), read: Number(r.read_count ?? 0) }]));
    return codes.map((code) => byCode.get(code) ?? { sent: 0, read: 0 });
  }));
