import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { ccoFieldMessages, ccoPage } from '../cco-admin/cco.shapes';
import { imPageQuery } from './app.shapes';
import { ccoIm } from './cco-im.family';
import { type ImKnowledgeArticleFragment, ImKnowledgeArticlesDocument, ImSearchKnowledgeDocument } from './operations.generated';

const code = z.string().min(1).max(50).regex(/^[a-z][a-z0-9_]*$/, 'must be a lower_snake_case code');
const common = { family: ccoIm, rateLimit: rateLimit.none, auth: true, errorMessages: ccoFieldMessages } as const;
const TENANT = 'Active articles of the caller’s tenant, which its administrators maintain (GraphQL createKnowledgeArticle / updateKnowledgeArticle / deleteKnowledgeArticle)';

const script = z.object({
  id: z.number().int(),
  title: z.string(),
  category: z.string().nullable(),
  scenario: z.string().nullable(),
  content: z.string(),
  tips: z.string().nullable(),
  use_count: z.number().int(),
});
const faq = z.object({ id: z.number().int(), question: z.string(), answer: z.string(), category: z.string().nullable() });
const found = z.object({
  id: z.number().int(),
  kind: z.string().describe('script, faq or help'),
  title: z.string().describe('A FAQ’s question'),
  content: z.string().describe('A FAQ’s answer'),
  category: z.string().nullable(),
  scenario: z.string().nullable(),
});

const toScript = (a: ImKnowledgeArticleFragment) => ({
  id: Number(a.id),
  title: a.title,
  category: a.category ?? null,
  scenario: a.scenario ?? null,
  content: a.content,
  tips: a.tips ?? null,
  use_count: a.useCount,
});
const toFaq = (a: ImKnowledgeArticleFragment) => ({ id: Number(a.id), question: a.title, answer: a.content, category: a.category ?? null });

interface ArticlePage {
  items: ImKnowledgeArticleFragment[];
  total: number;
  page: number;
}
const pageOf = <T>(p: ArticlePage, size: number, item: (a: ImKnowledgeArticleFragment) => T) => ({ total: p.total, page: p.page, size, items: p.items.map(item) });

export const ccoImKnowledgeRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/knowledge/scripts',
    summary: '获取话术模板',
    description: `${TENANT}, by sort order, filtered by category and scenario; the CCO page (page, size). Placeholders such as {customer_name} are kept for the app to fill.`,
    query: z.object({ category: code.optional(), scenario: code.optional(), ...imPageQuery }),
    response: ccoPage(script),
    operation: ImKnowledgeArticlesDocument,
    variables: ({ query }) => ({ kind: 'script', category: query.category, scenario: query.scenario, page: query.page, pageSize: query.size }),
    map: ({ knowledgeArticles: p }, { query }) => pageOf(p, query.size, toScript),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/im/knowledge/faq',
    summary: '获取FAQ',
    description: `${TENANT}, by sort order, optionally of one category; the CCO page (page, size).`,
    query: z.object({ category: code.optional(), ...imPageQuery }),
    response: ccoPage(faq),
    operation: ImKnowledgeArticlesDocument,
    variables: ({ query }) => ({ kind: 'faq', category: query.category, page: query.page, pageSize: query.size }),
    map: ({ knowledgeArticles: p }, { query }) => pageOf(p, query.size, toFaq),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/im/knowledge/search',
    summary: '搜索知识库',
    description:
      `${TENANT} — scripts, FAQs and help pages — whose title, content or keywords contain the keyword literally ` +
      '(1–100 characters); by kind, then sort order. The document shows no answer: the CCO page of `{id, kind, title, ' +
      'content, category, scenario}`; page and size in the body.',
    body: z.object({ keyword: z.string().trim().min(1).max(100), page: z.number().int().min(1).default(1), size: z.number().int().min(1).max(100).default(20) }),
    response: ccoPage(found),
    operation: ImSearchKnowledgeDocument,
    variables: ({ body }) => ({ keyword: body.keyword, page: body.page, pageSize: body.size }),
    map: ({ searchKnowledge: p }, { body }) =>
      pageOf(p, body.size, (a) => ({ id: Number(a.id), kind: a.kind, title: a.title, content: a.content, category: a.category ?? null, scenario: a.scenario ?? null })),
  }),
];
