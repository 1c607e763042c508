import { badInput, containingText, isPlatformAdmin, hasPermission, pageWindow, toPage, type Paged, type PageWindow } from '@platform/kit';
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { readTenant, writeTenant } from '../../config/services/tenant-target';
import { KnowledgeArticle, type KnowledgeKind } from '../entities/knowledge-article.entity';
import type { KnowledgeArticleInput } from '../resolvers/knowledge.inputs';

/** Who maintains the knowledge base (admin roles hold it through `*`). */
export const KNOWLEDGE_MANAGE = 'knowledge:manage';

const ORDER = { sortOrder: 'asc', id: 'asc' } as const;
const canManage = (ctx: CollectionsContext) => hasPermission(ctx.caller, KNOWLEDGE_MANAGE) || isPlatformAdmin(ctx.caller);

export interface ArticleFilter {
  kind: KnowledgeKind;
  category?: string | null;
  scenario?: string | null;
  includeInactive?: boolean | null;
}

/** A kind's articles in the caller's tenant, by sort order; inactive ones only for the maintainers who ask. */
export async function listArticles(ctx: CollectionsContext, filter: ArticleFilter, window: PageWindow): Promise<Paged<KnowledgeArticle>> {
  const where: FilterQuery<KnowledgeArticle> = { kind: filter.kind };
  if (filter.category) where.category = filter.category;
  if (filter.scenario) where.scenario = filter.scenario;
  if (!(filter.includeInactive && canManage(ctx))) where.isActive = true;
  const [items, total] = await ctx.em.findAndCount(KnowledgeArticle, where, { orderBy: ORDER, ...pageWindow(window) });
  return toPage(items, total, window);
}

/** Active articles whose title, content or keywords contain the keyword literally (SQL LIKE, paged). */
export async function searchArticles(ctx: CollectionsContext, keyword: string, kind: KnowledgeKind | null | undefined, window: PageWindow): Promise<Paged<KnowledgeArticle>> {
  const text = keyword.trim();
  const where: FilterQuery<KnowledgeArticle> = {
    isActive: true,
    $or: containingText<KnowledgeArticle>(['title', 'content', 'keywords'], text),
    ...(kind ? { kind } : {}),
  };
  const [items, total] = await ctx.em.findAndCount(KnowledgeArticle, where, { orderBy: { kind: 'asc', ...ORDER }, ...pageWindow(window) });
  return toPage(items, total, window);
}

/** A script was used in a conversation: counts it once (one UPDATE, no read-modify-write race). */
export async function useArticle(ctx: CollectionsContext, id: number): Promise<KnowledgeArticle> {
  const article = await ctx.em.findOne(KnowledgeArticle, { id, isActive: true });
  if (!article) throw CollectionsErrors.notFound('KnowledgeArticle', id);
  await ctx.em.nativeUpdate(KnowledgeArticle, { id }, { useCount: raw<number>('use_count + 1') });
  await ctx.em.refresh(article);
  return article;
}

const required = (input: KnowledgeArticleInput) => {
  for (const field of ['kind', 'title', 'content'] as const) if (input[field] === undefined || input[field] === null) throw badInput(field, `${field} is required`);
};

const fields = (input: KnowledgeArticleInput) =>
  Object.fromEntries(
    (['title', 'content', 'category', 'scenario', 'tips', 'keywords', 'sortOrder', 'isActive'] as const)
      .filter((k) => input[k] !== undefined)
      .map((k) => [k, k === 'sortOrder' || k === 'isActive' ? (input[k] ?? undefined) : input[k]]),
  );

export async function createArticle(ctx: CollectionsContext, input: KnowledgeArticleInput): Promise<KnowledgeArticle> {
  required(input);
  const tenantId = writeTenant(ctx, input.tenantId);
  const article = ctx.em.create(KnowledgeArticle, { tenantId, kind: input.kind!, title: input.title!, content: input.content!, ...fields(input) });
  await ctx.em.flush();
  return article;
}

/** The article of the caller's tenant (the super admin: any); another tenant's is not found. */
async function ownArticle(ctx: CollectionsContext, id: number): Promise<KnowledgeArticle> {
  const article = await ctx.em.findOne(KnowledgeArticle, { id });
  const own = readTenant(ctx, null);
  if (!article || (own !== null && article.tenantId !== own)) throw CollectionsErrors.notFound('KnowledgeArticle', id);
  return article;
}

export async function updateArticle(ctx: CollectionsContext, id: number, input: KnowledgeArticleInput): Promise<KnowledgeArticle> {
  const article = await ownArticle(ctx, id);
  if (input.kind !== undefined && input.kind !== article.kind) throw badInput('kind', 'kind cannot change');
  for (const field of ['title', 'content'] as const) if (input[field] === null) throw badInput(field, `${field} cannot be empty`);
  ctx.em.assign(article, fields(input));
  await ctx.em.flush();
  return article;
}

export async function deleteArticle(ctx: CollectionsContext, id: number): Promise<boolean> {
  const article = await ownArticle(ctx, id);
  await ctx.em.remove(article).flush();
  return true;
}
