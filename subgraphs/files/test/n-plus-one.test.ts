import { forkForTenant, SqlCounter } from '@platform/kit';
import { FileCategory, StoredFile } from '@platform/files';
import { callers, FilesClient } from './support/harness';

/** A page of files, and the router's entity fetch of files, cost the same SQL statements for 10 rows as for 100. */
const counter = new SqlCounter();
let client: FilesClient;
const ids: string[] = [];

beforeAll(async () => {
  client = await FilesClient.start({}, { sqlCounter: counter });
  // Records written directly: this test is about reads.
  const em = forkForTenant(client.runtime.orm.em, null);
  for (let i = 0; i < 100; i++) {
    const file = em.create(StoredFile, {
      tenantId: 1,
      ownerId: callers.alice.userId,
      category: FileCategory.document,
      originalName: `f${i}.txt`,
      contentType: 'text/plain',
      size: i,
      sha256: '0'.repeat(64),
      storageKey: `files/1/f${i}`,
    });
    ids.push(file.id);
  }
  await em.flush();
});
afterAll(() => client.close());

async function statements(query: string, variables: Record<string, unknown>) {
  counter.reset();
  await client.ok(callers.admin, query, variables);
  return counter.count;
}

test('a page of files with their owners: one count, one page', async () => {
  const PAGE = 'query($n: Int) { files(pageSize: $n) { total items { id size owner { id } } } }';
  expect(await statements(PAGE, { n: 100 })).toBe(await statements(PAGE, { n: 10 }));
  expect(counter.count).toBe(2);
});

test('the router\u2019s entity fetch of 100 files is one statement (a DataLoader behind __resolveReference)', async () => {
  const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on StoredFile { id size } } }';
  const of = (n: number) => ({ r: ids.slice(0, n).map((id) => ({ __typename: 'StoredFile', id })) });
  expect(await statements(ENTITIES, of(100))).toBe(await statements(ENTITIES, of(10)));
  expect(counter.count).toBe(1);
});
