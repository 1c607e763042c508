import { BASE_ROLES } from '@platform/testkit';
import { ActivityClient, asIterator, callers, codeOf, nextEvent, OTHER_TENANT, outsider, RECEIVED, SEND, TENANT } from './support/harness';

// Issue 6.1: a DEMO admin's notice reached another tenant's subscriber live, and one to user 999999 was stored.
const { admin, superAdmin } = callers;
const MINE = `{ myNotifications { total } }`;

let client: ActivityClient;
beforeEach(async () => {
  client = await ActivityClient.start();
});
afterEach(() => client.close());

const send = (as = admin, input: Record<string, unknown>) =>
  client.run(as, SEND, { input: { title: 'Cross', body: 'b', ...input } });

test("a notice to another tenant's user is NOT_FOUND, stored nowhere and not delivered live", async () => {
  const live = asIterator(await client.subscribe(outsider, RECEIVED));
  const pending = nextEvent(live, 300);

  const refused = await send(admin, { recipientId: outsider.userId });

  expect(codeOf(refused)).toBe('NOT_FOUND');
  await expect(pending).rejects.toThrow(/no event/);
  await live.return?.();
  expect((await client.ok(outsider, MINE)).myNotifications.total).toBe(0);
});

test('a notice to a user that does not exist (999999) is NOT_FOUND and stored nowhere', async () => {
  const nobody = BASE_ROLES.user({ tenantId: TENANT, userId: '999999', username: 'nobody' });
  expect(codeOf(await send(admin, { recipientId: nobody.userId }))).toBe('NOT_FOUND');
  expect((await client.ok(nobody, MINE)).myNotifications.total).toBe(0);
});

test('a notice to a deleted user is NOT_FOUND', async () => {
  await client.announceDeleted(callers.bob);
  expect(codeOf(await send(admin, { recipientId: callers.bob.userId }))).toBe('NOT_FOUND');
});

test("the platform admin reaches a user only in that user's own tenant", async () => {
  const wrongTenant = await send(superAdmin, { recipientId: outsider.userId, tenantId: TENANT });
  expect(codeOf(wrongTenant)).toBe('NOT_FOUND');
  const own = await send(superAdmin, { recipientId: outsider.userId, tenantId: OTHER_TENANT });
  expect(own.errors).toBeUndefined();
  expect((await client.ok(outsider, MINE)).myNotifications.total).toBe(1);
});

test('a user announced later becomes a recipient once activity has learnt of them', async () => {
  const newcomer = BASE_ROLES.user({ tenantId: TENANT, userId: '31', username: 'nina' });
  expect(codeOf(await send(admin, { recipientId: newcomer.userId }))).toBe('NOT_FOUND');
  await client.announce(newcomer);
  expect((await send(admin, { recipientId: newcomer.userId })).errors).toBeUndefined();
});
