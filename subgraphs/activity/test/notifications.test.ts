import { ActivityClient, callers, codeOf, SEND, TENANT } from './support/harness';

const { admin, alice, bob, superAdmin } = callers;

const MINE = /* GraphQL */ `
  query Mine($unreadOnly: Boolean, $page: Int, $pageSize: Int) {
    myNotifications(unreadOnly: $unreadOnly, page: $page, pageSize: $pageSize) {
      total page pageSize pages
      items { id title body category read readAt recipient { id } }
    }
  }
`;
const ONE = `query One($id: ID!) { notification(id: $id) { id title read } }`;
const MARK = `mutation Mark($id: ID!) { markNotificationRead(id: $id) { id read readAt } }`;

let client: ActivityClient;
beforeEach(async () => {
  client = await ActivityClient.start();
});
afterEach(() => client.close());

const toAlice = (title = 'Work log rated', extra: Record<string, unknown> = {}) =>
  client.send(admin, { recipientId: alice.userId, title, body: 'Your supervisor rated your log 5/5', category: 'work_log', ...extra });

describe('sendNotification → myNotifications', () => {
  test('the recipient finds what was sent to them, newest first, unread', async () => {
    const sent = await toAlice('first');
    await toAlice('second');

    expect(sent.sendNotification).toEqual({
      id: expect.any(String),
      title: 'first',
      body: 'Your supervisor rated your log 5/5',
      category: 'work_log',
      read: false,
      recipient: { id: alice.userId },
    });
    const { myNotifications } = await client.ok(alice, MINE);
    expect(myNotifications).toMatchObject({ total: 2, page: 1, pageSize: 20, pages: 1 });
    expect(myNotifications.items.map((n: { title: string }) => n.title)).toEqual(['second', 'first']);
    expect(myNotifications.items[0]).toMatchObject({ read: false, readAt: null, recipient: { id: alice.userId } });
  });

  test('category defaults to system', async () => {
    const data = await client.send(admin, { recipientId: alice.userId, title: 't', body: 'b' });
    expect(data.sendNotification).toMatchObject({ category: 'system' });
  });

  test('nobody else sees it in their list', async () => {
    await toAlice();
    const { myNotifications } = await client.ok(bob, MINE);
    expect(myNotifications).toMatchObject({ total: 0, items: [], pages: 0 });
  });

  test('pages and the unread filter', async () => {
    const ids = [];
    for (const title of ['a', 'b', 'c']) ids.push((await toAlice(title)).sendNotification.id);
    await client.ok(alice, MARK, { id: ids[1] });

    const page2 = (await client.ok(alice, MINE, { page: 2, pageSize: 2 })).myNotifications;
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2, pages: 2 });
    expect(page2.items.map((n: { title: string }) => n.title)).toEqual(['a']);

    const unread = (await client.ok(alice, MINE, { unreadOnly: true })).myNotifications;
    expect(unread.items.map((n: { title: string }) => n.title)).toEqual(['c', 'a']);
  });

  test('a platform administrator names the tenant; without one the input is refused', async () => {
    const sent = await client.send(superAdmin, { recipientId: alice.userId, title: 'Maintenance', body: 'Tonight', tenantId: TENANT });
    expect((await client.ok(alice, ONE, { id: sent.sendNotification.id })).notification.title).toBe('Maintenance');

    const refused = await client.run(superAdmin, SEND, { input: { recipientId: alice.userId, title: 't', body: 'b' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tenantId' });
  });

  test('a tenant sender cannot write into another tenant', async () => {
    const other = '2';
    const refused = await client.run(admin, SEND, { input: { recipientId: alice.userId, title: 't', body: 'b', tenantId: other } });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect((await client.ok(alice, MINE)).myNotifications.total).toBe(0);
  });
});

describe('notification(id) and markNotificationRead', () => {
  test('the recipient reads one and marks it read, once', async () => {
    const { id } = (await toAlice()).sendNotification;
    expect((await client.ok(alice, ONE, { id })).notification).toEqual({ id, title: 'Work log rated', read: false });

    const first = (await client.ok(alice, MARK, { id })).markNotificationRead;
    expect(first).toEqual({ id, read: true, readAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    const again = (await client.ok(alice, MARK, { id })).markNotificationRead;
    expect(again.readAt).toBe(first.readAt);
    expect((await client.ok(alice, ONE, { id })).notification.read).toBe(true);
  });

  test("another user's notification is NOT_FOUND, to read and to mark, and stays unread", async () => {
    const { id } = (await toAlice()).sendNotification;
    expect(codeOf(await client.run(bob, ONE, { id }))).toBe('NOT_FOUND');
    expect(codeOf(await client.run(bob, MARK, { id }))).toBe('NOT_FOUND');
    // Even the sender is not its recipient.
    expect(codeOf(await client.run(admin, ONE, { id }))).toBe('NOT_FOUND');
    expect((await client.ok(alice, ONE, { id })).notification.read).toBe(false);
  });

  test('a missing id is NOT_FOUND and a malformed one BAD_USER_INPUT naming id', async () => {
    expect(codeOf(await client.run(alice, ONE, { id: '999' }))).toBe('NOT_FOUND');
    const malformed = await client.run(alice, ONE, { id: 'abc' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('bad input names the field and stores nothing', () => {
  test.each([
    ['empty title', { title: '' }, 'title'],
    ['blank title', { title: '   ' }, 'title'],
    ['empty body', { body: '' }, 'body'],
    ['recipient id that is not a user id', { recipientId: 'alice' }, 'recipientId'],
    ['category that is not a code', { category: 'Work Log!' }, 'category'],
  ])('%s', async (_name, change, field) => {
    const input = { recipientId: alice.userId, title: 'ok', body: 'ok', ...change };
    const result = await client.run(admin, SEND, { input });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await client.ok(alice, MINE)).myNotifications.total).toBe(0);
  });
});

describe('entity fetches from the router (_entities)', () => {
  const ENTITIES = `query E($reps: [_Any!]!) { _entities(representations: $reps) { ... on Notification { id title } } }`;

  test("resolve the caller's own notification and nobody else's", async () => {
    const { id } = (await toAlice()).sendNotification;
    const reps = [{ __typename: 'Notification', id }, { __typename: 'Notification', id: 'x' }];
    expect((await client.ok(alice, ENTITIES, { reps }))._entities).toEqual([{ id, title: 'Work log rated' }, null]);
    expect((await client.ok(bob, ENTITIES, { reps }))._entities).toEqual([null, null]);
  });

  test('refuse anonymous callers', async () => {
    const { id } = (await toAlice()).sendNotification;
    const result = await client.run(null, ENTITIES, { reps: [{ __typename: 'Notification', id }] });
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
  });
});
