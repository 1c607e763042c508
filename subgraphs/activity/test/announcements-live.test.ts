import { createPubSub, forkForTenant, type KitPubSub } from '@platform/kit';
import type { ExecutionResult } from 'graphql';
import { PublicNotification } from '../src/entities/public-notification.entity';
import { PUBLIC_NOTICE } from '../src/resolvers/public-notice.topic';
import { ActivityClient, asIterator, callers, codeOf, outsider } from './support/harness';

const { admin, tenantAdmin, alice, bob, superAdmin } = callers;

const CREATE = `mutation($input: CreatePublicNotificationInput!) { createPublicNotification(input: $input) { id tenantId publishedAt } }`;
const FEED = `{ id title body category forcedRead read publicNotificationId tenantId recipient { id } }`;

type Notice = { id: string; title: string; body: string; category: string; forcedRead: boolean; read: boolean; publicNotificationId: string | null; tenantId: string; recipient: { id: string } };
type Event = ExecutionResult<{ notificationReceived: Notice }>;

// A shared 2-core machine: several subscriptions, waits for silence and job runs per test.
jest.setTimeout(30_000);

let client: ActivityClient;
let pubSub: KitPubSub;
let announcementsPublished: () => number;

beforeEach(async () => {
  pubSub = createPubSub();
  const publish = jest.spyOn(pubSub, 'publish');
  announcementsPublished = () => publish.mock.calls.filter(([topic]) => topic === PUBLIC_NOTICE).length;
  // The job off: the tests run it when they mean to.
  client = await ActivityClient.start({ ANNOUNCEMENT_POLL_SECONDS: '0', REMINDER_POLL_SECONDS: '0' }, { pubSub });
});
afterEach(async () => {
  await client.close();
  await pubSub.close();
});

const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
const announce = async (as: typeof admin, input: Record<string, unknown>) =>
  (await client.ok(as, CREATE, { input: { title: 'Maintenance', content: 'Down at 22:00', effectiveStart: iso(-60_000), ...input } }))
    .createPublicNotification as { id: string; tenantId: string | null; publishedAt: string | null };

/** A subscription read one event at a time; a wait that times out keeps its pending read for the next one. */
class Feed {
  private pending?: Promise<IteratorResult<Event>>;
  constructor(private readonly events: AsyncIterableIterator<Event>) {}

  async received(ms = 10_000): Promise<Notice> {
    const next = this.pending ?? this.events.next();
    this.pending = next;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
    const step = await Promise.race([next, timeout]).finally(() => clearTimeout(timer));
    if (step === 'timeout') throw new Error(`no event within ${ms} ms`);
    this.pending = undefined;
    if (step.done) throw new Error('subscription ended');
    return step.value.data!.notificationReceived;
  }

  /** Nothing more arrives within `ms`. */
  async quiet(ms = 300): Promise<void> {
    await expect(this.received(ms)).rejects.toThrow(/no event/);
  }

  async return(): Promise<void> {
    await this.events.return?.();
  }
}

const feed = async (as: typeof alice, after?: string) =>
  new Feed(asIterator(await client.subscribe(as, `subscription { notificationReceived${after ? `(after: "${after}")` : ''} ${FEED} }`)) as AsyncIterableIterator<Event>);

test("an announcement in effect at creation reaches each subscriber of the tenant once, in one PubSub message; no other tenant's", async () => {
  const [toAlice, toBob, toOutsider, toPlatform] = await Promise.all([feed(alice), feed(bob), feed(outsider), feed(superAdmin)]);
  const created = await announce(admin, { forcedRead: true });

  for (const [events, user] of [[toAlice, alice], [toBob, bob]] as const) {
    expect(await events.received()).toEqual({
      id: `public-${created.id}`,
      title: 'Maintenance',
      body: 'Down at 22:00',
      category: 'announcement',
      forcedRead: true,
      read: false,
      publicNotificationId: created.id,
      tenantId: '1',
      recipient: { id: user.userId },
    });
  }
  expect(announcementsPublished()).toBe(1);
  expect(created.publishedAt).toEqual(expect.stringMatching(/Z$/)); // pushed once committed
  await Promise.all([toAlice.quiet(), toBob.quiet(), toOutsider.quiet(), toPlatform.quiet()]);
  for (const events of [toAlice, toBob, toOutsider, toPlatform]) await events.return();
});

test('a scheduled announcement is pushed when it starts, once across concurrent runs of the job; a disabled one never', async () => {
  const events = await feed(alice);
  const later = await announce(admin, { title: 'Later', effectiveStart: iso(3_600_000) });
  await announce(admin, { title: 'Off', enabled: false });
  await events.quiet();
  expect(announcementsPublished()).toBe(0);

  const { runOnce } = client.runtime.services.announcements;
  expect(await runOnce()).toBe(0); // not started yet
  const inTwoHours = new Date(Date.now() + 7_200_000);
  const runs = await Promise.all([runOnce(inTwoHours), runOnce(inTwoHours), runOnce(inTwoHours)]);
  expect(runs.reduce((a, b) => a + b, 0)).toBe(1);

  expect(await events.received()).toMatchObject({ id: `public-${later.id}`, title: 'Later' });
  expect(announcementsPublished()).toBe(1);
  expect(await runOnce(inTwoHours)).toBe(0);
  await events.quiet();
  await events.return();
});

test("a platform administrator's platform-wide announcement reaches every tenant's users; a tenant admin cannot make one", async () => {
  const [toAlice, toOutsider] = await Promise.all([feed(alice), feed(outsider)]);
  const created = await announce(superAdmin, { platformWide: true });
  expect(created.tenantId).toBeNull();
  expect(await toAlice.received()).toMatchObject({ id: `public-${created.id}`, tenantId: '1', recipient: { id: alice.userId } });
  expect(await toOutsider.received()).toMatchObject({ id: `public-${created.id}`, tenantId: '2', recipient: { id: outsider.userId } });
  expect(announcementsPublished()).toBe(1);

  // Listed to tenant users beside their tenant's own, and marked read per user.
  const current = await client.ok(outsider, `{ currentPublicNotifications { total items { id read } } }`);
  expect(current.currentPublicNotifications).toEqual({ total: 1, items: [{ id: created.id, read: false }] });
  await client.ok(outsider, `mutation($id: ID!) { markPublicNotificationRead(id: $id) { id read } }`, { id: created.id });
  expect((await client.ok(outsider, `{ currentPublicNotifications { items { read } } }`)).currentPublicNotifications.items).toEqual([{ read: true }]);

  expect(codeOf(await client.run(tenantAdmin, CREATE, { input: { title: 't', content: 'c', effectiveStart: iso(0), platformWide: true } }))).toBe('FORBIDDEN');
  const both = await client.run(superAdmin, CREATE, { input: { title: 't', content: 'c', effectiveStart: iso(0), platformWide: true, tenantId: '1' } });
  expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tenantId' });
  await toAlice.return();
  await toOutsider.return();
});

describe('resuming with a cursor', () => {
  const send = async (to: string, title: string) =>
    (await client.send(admin, { recipientId: to, title, body: 'b', category: 'system' })).sendNotification.id;

  test('announcements missed are caught up among notifications in the order they took effect, each once, with read state', async () => {
    const seen = await send(alice.userId, 'seen');
    const n1 = await send(alice.userId, 'n1');
    const a1 = (await announce(admin, { title: 'a1' })).id;
    const n2 = await send(alice.userId, 'n2');
    const scheduled = (await announce(admin, { title: 'a2', effectiveStart: iso(1_000) })).id;
    await announce(admin, { title: 'ended', effectiveStart: iso(-120_000), effectiveEnd: iso(-60_000) });
    await announce({ ...admin, userId: '22', tenantId: outsider.tenantId }, { title: 'other tenant' });
    await new Promise((r) => setTimeout(r, 1_100));
    await client.runtime.services.announcements.runOnce();
    await client.ok(alice, `mutation($id: ID!) { markPublicNotificationRead(id: $id) { id } }`, { id: a1 });

    const events = await feed(alice, seen);
    const got: Pick<Notice, 'id' | 'title' | 'read'>[] = [];
    for (let i = 0; i < 4; i++) {
      const { id, title, read } = await events.received();
      got.push({ id, title, read });
    }
    expect(got).toEqual([
      { id: n1, title: 'n1', read: false },
      { id: `public-${a1}`, title: 'a1', read: true },
      { id: n2, title: 'n2', read: false },
      { id: `public-${scheduled}`, title: 'a2', read: false },
    ]);
    // Then live: the next is a new notice, nothing caught up arrives twice.
    const live = await send(alice.userId, 'live');
    expect((await events.received()).id).toBe(live);
    await events.return();

    // Resuming after an announcement starts right after it.
    const fromA1 = await feed(alice, `public-${a1}`);
    expect((await fromA1.received()).id).toBe(n2);
    expect((await fromA1.received()).id).toBe(`public-${scheduled}`);
    expect((await fromA1.received()).id).toBe(live);
    await fromA1.return();
  }, 30_000);

  test("an announcement published while catching up arrives once; another tenant's or an unknown one is no cursor", async () => {
    const seen = await send(alice.userId, 'seen');
    const events = await feed(alice, seen);
    const a = (await announce(admin, { title: 'during' })).id;
    expect((await events.received()).id).toBe(`public-${a}`);
    await events.quiet();
    await events.return();

    const theirs = (await announce({ ...admin, userId: '22', tenantId: outsider.tenantId }, { title: 'theirs' })).id;
    for (const cursor of [`public-${theirs}`, 'public-999999', 'public-x']) {
      const result = await client.subscribe(alice, `subscription { notificationReceived(after: "${cursor}") { id } }`);
      expect(Symbol.asyncIterator in result ? 'subscribed' : codeOf(result)).toBe('BAD_USER_INPUT');
    }
  });
});

test('an announcement in effect at creation is stored as published, at its feed position', async () => {
  await announce(admin, { title: 'now' });
  const em = forkForTenant(client.runtime.orm.em, null);
  await new Promise((r) => setTimeout(r, 200)); // the push after commit
  expect(await em.count(PublicNotification, { publishedAt: null })).toBe(0);
  const [row] = await em.find(PublicNotification, {});
  expect(row.feedPosition).toBe(0); // no notification existed yet
});
