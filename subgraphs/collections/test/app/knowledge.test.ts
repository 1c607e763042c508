import { CollectionsClient, codeOf, fieldOf, type OrgFixture } from '../support/harness';

/** The knowledge base and feedback are the tenant's own: admins maintain them, another tenant never sees them. */
let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
});
afterAll(() => client.close());

const CREATE = 'mutation($i: KnowledgeArticleInput!) { createKnowledgeArticle(input: $i) { id kind title useCount isActive } }';
const LIST = 'query($kind: String!, $all: Boolean) { knowledgeArticles(kind: $kind, includeInactive: $all) { total items { id title } } }';
const SEARCH = 'query($k: String!) { searchKnowledge(keyword: $k) { total items { id } } }';

describe('knowledge articles', () => {
  let id: string;

  it('a tenant admin creates; the tenant’s collectors read and search it; another tenant’s do not', async () => {
    const created = await client.ok(org.callers.tenantAdmin, CREATE, { i: { kind: 'faq', title: '客户失联怎么办？', content: '联系紧急联系人', keywords: '失联' } });
    id = created.createKnowledgeArticle.id;
    expect(created.createKnowledgeArticle).toMatchObject({ kind: 'faq', useCount: 0, isActive: true });
    expect((await client.ok(org.callers.c1, LIST, { kind: 'faq' })).knowledgeArticles).toEqual({ total: 1, items: [{ id, title: '客户失联怎么办？' }] });
    expect((await client.ok(org.callers.c1, SEARCH, { k: '失联' })).searchKnowledge.total).toBe(1);
    expect((await client.ok(org.callers.x1, LIST, { kind: 'faq' })).knowledgeArticles.total).toBe(0);
    expect((await client.ok(org.callers.x1, SEARCH, { k: '失联' })).searchKnowledge.total).toBe(0);
  });

  it('a create without title, content or kind, or with an unknown kind, is BAD_USER_INPUT naming it and writes nothing', async () => {
    for (const [input, field] of [
      [{ kind: 'faq', content: 'x' }, 'title'],
      [{ kind: 'faq', title: 'x' }, 'content'],
      [{ title: 'x', content: 'x' }, 'kind'],
      [{ kind: 'video', title: 'x', content: 'x' }, 'kind'],
    ] as const) {
      const res = await client.run(org.callers.tenantAdmin, CREATE, { i: input });
      expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', field]);
    }
    expect((await client.ok(org.callers.tenantAdmin, LIST, { kind: 'faq', all: true })).knowledgeArticles.total).toBe(1);
  });

  it('inactive articles reach admins who ask, never collectors; the kind cannot change', async () => {
    const update = 'mutation($id: ID!, $i: KnowledgeArticleInput!) { updateKnowledgeArticle(id: $id, input: $i) { isActive } }';
    await client.ok(org.callers.tenantAdmin, update, { id, i: { isActive: false } });
    expect((await client.ok(org.callers.c1, LIST, { kind: 'faq', all: true })).knowledgeArticles.total).toBe(0);
    expect((await client.ok(org.callers.tenantAdmin, LIST, { kind: 'faq', all: true })).knowledgeArticles.total).toBe(1);
    const res = await client.run(org.callers.tenantAdmin, update, { id, i: { kind: 'script' } });
    expect([codeOf(res), fieldOf(res)]).toEqual(['BAD_USER_INPUT', 'kind']);
    await client.ok(org.callers.tenantAdmin, update, { id, i: { isActive: true } });
  });

  it('a collector’s use counts once per call; another tenant’s article is NOT_FOUND to update, use or delete', async () => {
    const use = 'mutation($id: ID!) { useKnowledgeArticle(id: $id) { useCount } }';
    await client.ok(org.callers.c1, use, { id });
    expect((await client.ok(org.callers.c2, use, { id })).useKnowledgeArticle.useCount).toBe(2);
    expect(codeOf(await client.run(org.callers.x1, use, { id }))).toBe('NOT_FOUND');
    const other = await client.ok(org.callers.superAdmin, CREATE, { i: { tenantId: '2', kind: 'help', title: 'X', content: 'Y' } });
    const otherId = other.createKnowledgeArticle.id;
    expect(codeOf(await client.run(org.callers.tenantAdmin, 'mutation($id: ID!) { deleteKnowledgeArticle(id: $id) }', { id: otherId }))).toBe('NOT_FOUND');
    expect(await client.ok(org.callers.superAdmin, 'mutation($id: ID!) { deleteKnowledgeArticle(id: $id) }', { id: otherId })).toEqual({ deleteKnowledgeArticle: true });
  });
});

describe('app feedback', () => {
  it('stays in the sender’s tenant', async () => {
    const submit = 'mutation($i: SubmitFeedbackInput!) { submitAppFeedback(input: $i) { id } }';
    await client.ok(org.callers.x1, submit, { i: { feedbackType: 'feature', title: '希望支持夜间模式', content: '晚上看不清' } });
    const list = '{ appFeedback { total items { title userId collectorId } } }';
    expect((await client.ok(org.callers.tenantAdmin, list)).appFeedback.total).toBe(0);
    expect((await client.ok(org.callers.superAdmin, list)).appFeedback).toEqual({
      total: 1,
      items: [{ title: '希望支持夜间模式', userId: org.callers.x1.userId, collectorId: String(org.collectors.x1.id) }],
    });
  });
});
