import { CaseAssignment, CollectionCase } from '@platform/collections';
import { makeCase } from './support/case-fixtures';
import { CollectionsClient, codeOf, fieldOf, type OrgFixture } from './support/harness';

let client: CollectionsClient;
let org: OrgFixture;
beforeAll(async () => {
  client = await CollectionsClient.start();
  org = await client.seedOrg();
});
afterAll(() => client.close());

const CHANGES = 'query ($cursor: String, $limit: Int) { myCaseChanges(cursor: $cursor, limit: $limit) { cursor hasMore items { caseId removed changedAt case { id caseCode caseStatus mobile } } } }';

interface Page {
  cursor: string;
  hasMore: boolean;
  items: Array<{ caseId: string; removed: boolean; changedAt: string; case: { caseCode: string; caseStatus: string; mobile: string } | null }>;
}

const changes = async (as = org.callers.c1, cursor?: string, limit?: number) => (await client.ok<{ myCaseChanges: Page }>(as, CHANGES, { cursor, limit })).myCaseChanges;

/** All changes from `cursor` on, following hasMore. */
async function drain(as = org.callers.c1, cursor?: string, limit = 2): Promise<{ items: Page['items']; cursor: string }> {
  const items: Page['items'] = [];
  let page = await changes(as, cursor, limit);
  items.push(...page.items);
  while (page.hasMore) {
    page = await changes(as, page.cursor, limit);
    items.push(...page.items);
  }
  return { items, cursor: page.cursor };
}

/** Moves a row's clock back, as if written `ms` ago (so the cursor's settling window is behind it). */
async function age(entity: 'case' | 'assignment', id: number, ms: number) {
  const at = new Date(Date.now() - ms);
  if (entity === 'case') await client.em(null).nativeUpdate(CollectionCase, { id }, { updatedAt: at });
  else await client.em(null).nativeUpdate(CaseAssignment, { id }, { assignedAt: at });
}

it('lists every case in reach from no cursor, pages by the cursor, then only what changed since; a case taken away is a removal', async () => {
  const mine: CollectionCase[] = [];
  for (let i = 0; i < 5; i++) mine.push(await makeCase(client, { collector: org.collectors.c1 }));
  const others = await makeCase(client, { collector: org.collectors.c2 });
  for (const c of [...mine, others]) await age('case', c.id, 60_000 - c.id);

  const first = await drain();
  expect(first.items.map((i) => Number(i.caseId))).toEqual(mine.map((c) => c.id));
  expect(first.items.every((i) => !i.removed && i.case?.mobile === '+63-917-***-**11')).toBe(true);
  expect(await changes(org.callers.c1, first.cursor)).toEqual({ cursor: expect.any(String), hasMore: false, items: [] });

  // One case settles, one goes to c2 (the assignment step away from c1 is what makes it a removal).
  const em = client.em(null);
  const [settled, moved] = [await em.findOneOrFail(CollectionCase, mine[1].id), await em.findOneOrFail(CollectionCase, mine[3].id)];
  settled.caseStatus = 'settled';
  moved.collectorId = org.collectors.c2.id;
  const step = em.create(CaseAssignment, { tenantId: 1, caseId: moved.id, fromCollectorId: org.collectors.c1.id, toCollectorId: org.collectors.c2.id, kind: 'transfer' });
  await em.flush();
  await age('case', settled.id, 30_000);
  await age('case', moved.id, 30_000);
  await age('assignment', step.id, 30_000);

  const next = await drain(org.callers.c1, first.cursor);
  expect(next.items.map((i) => [Number(i.caseId), i.removed, i.case?.caseStatus ?? null])).toEqual([
    [settled.id, false, 'settled'],
    [moved.id, true, null],
  ]);
  // c2 (who got the case) sees it as an update; the team leader keeps both in reach: no removal for them.
  expect((await drain(org.callers.c2, first.cursor)).items.map((i) => [Number(i.caseId), i.removed])).toContainEqual([moved.id, false]);
  expect((await drain(org.callers.teamLeader)).items.some((i) => i.removed)).toBe(false);
  // A collector of another team never sees these cases.
  expect((await drain(org.callers.c3)).items.filter((i) => mine.some((c) => c.id === Number(i.caseId)))).toEqual([]);
});

it('a change in the last seconds comes again on the next call (the cursor settles behind it), never lost', async () => {
  const fresh = await makeCase(client, { collector: org.collectors.c4 });
  const once = await changes(org.callers.c4);
  expect(once.items.map((i) => Number(i.caseId))).toContain(fresh.id);
  const again = await changes(org.callers.c4, once.cursor);
  expect(again.items.map((i) => Number(i.caseId))).toContain(fresh.id);
});

it('a cursor that is not one the query gave is BAD_USER_INPUT naming it; a limit above 500 too', async () => {
  const bad = await client.run(org.callers.c1, CHANGES, { cursor: 'not-a-cursor' });
  expect([codeOf(bad), fieldOf(bad)]).toEqual(['BAD_USER_INPUT', 'cursor']);
  expect(codeOf(await client.run(org.callers.c1, CHANGES, { limit: 501 }))).toBe('BAD_USER_INPUT');
});
