import { forkForTenant, SqlCounter } from '@platform/kit';
import { FileCategory, StoredFile } from '@platform/files';
import { callers, FilesClient } from './support/harness';

/** `User.avatar`: each user's newest avatar upload, read as files are read, one statement for a page of users. */
const counter = new SqlCounter();
let client: FilesClient;
const USERS = Array.from({ length: 100 }, (_, i) => String(1000 + i));

const AVATARS = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id avatar { id originalName } } } }';
const representations = (ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'User', id })) });
type Answer = { _entities: Array<{ id: string; avatar: { id: string; originalName: string } | null }> };

beforeAll(async () => {
  client = await FilesClient.start({}, { sqlCounter: counter });
  const em = forkForTenant(client.runtime.orm.em, null);
  const file = (ownerId: string, category: FileCategory, name: string, createdAt: Date, tenantId = 1) =>
    em.create(StoredFile, { tenantId, ownerId, category, originalName: name, contentType: 'image/png', size: 1, sha256: '0'.repeat(64), storageKey: `files/${tenantId}/${name}`, createdAt });
  for (const [i, id] of USERS.entries()) {
    file(id, FileCategory.avatar, `old-${i}.png`, new Date('2026-01-01T00:00:00Z'));
    file(id, FileCategory.avatar, `new-${i}.png`, new Date('2026-02-01T00:00:00Z'));
    // A later document is not an avatar.
    file(id, FileCategory.document, `doc-${i}.png`, new Date('2026-03-01T00:00:00Z'));
  }
  file(callers.outsider.userId, FileCategory.avatar, 'olga.png', new Date('2026-01-01T00:00:00Z'), 2);
  await em.flush();
});
afterAll(() => client.close());

test('a user’s avatar is their newest avatar upload; none is null', async () => {
  const { _entities } = await client.ok<Answer>(callers.bob, AVATARS, representations([USERS[0], '999999']));
  expect(_entities).toEqual([
    { id: USERS[0], avatar: { id: expect.any(String), originalName: 'new-0.png' } },
    { id: '999999', avatar: null },
  ]);
});

test('another tenant’s user’s avatar is not shown', async () => {
  const { _entities } = await client.ok<Answer>(callers.alice, AVATARS, representations([callers.outsider.userId]));
  expect(_entities).toEqual([{ id: callers.outsider.userId, avatar: null }]);
});

test('the avatars of 100 users cost one statement, as for 10', async () => {
  counter.reset();
  await client.ok(callers.bob, AVATARS, representations(USERS.slice(0, 10)));
  const ten = counter.count;
  counter.reset();
  await client.ok(callers.bob, AVATARS, representations(USERS));
  expect(counter.count).toBe(ten);
  expect(counter.count).toBe(1);
});
