import type { ExecutionResult } from 'graphql';
import { CATCH_UP_LIMIT } from '../src/services/notification-feed.service';
import { ActivityClient, asIterator, callers, codeOf, nextEvent } from './support/harness';

const { admin, alice, bob } = callers;

let client: ActivityClient;
beforeEach(async () => {
  client = await ActivityClient.start();
});
afterEach(() => client.close());

const send = async (to: string, title: string) =>
  Number((await client.send(admin, { recipientId: to, title, body: 'b', category: 'system' })).sendNotification.id);

const resume = (after: number | string) =>
  client.subscribe(alice, `subscription { notificationReceived(after: "${after}") { id title } }`);

type Event = ExecutionResult<{ notificationReceived: { id: string; title: string } }>;

/** The next `count` events' ids, as numbers. */
async function ids(events: AsyncIterator<Event>, count: number): Promise<number[]> {
  const got: number[] = [];
  for (let i = 0; i < count; i++) got.push(Number((await nextEvent(events)).data?.notificationReceived.id));
  return got;
}

test('a subscriber resuming after an id gets what was sent since, oldest first, then live ones', async () => {
  const seen = await send(alice.userId, 'received before the disconnect');
  const missed = [await send(alice.userId, 'm1'), await send(bob.userId, 'for bob'), await send(alice.userId, 'm2'), await send(alice.userId, 'm3')];
  const events = asIterator(await resume(seen)) as AsyncIterableIterator<Event>;

  expect(await ids(events, 3)).toEqual([missed[0], missed[2], missed[3]]);
  const live = await send(alice.userId, 'live');
  expect(await ids(events, 1)).toEqual([live]);
  await events.return?.();
});

test('a notice sent while the catch-up runs arrives once: from the catch-up or live, never both', async () => {
  const seen = await send(alice.userId, 'seen');
  const before = [await send(alice.userId, 'a'), await send(alice.userId, 'b')];
  // Subscribed (live channel open), catch-up not read yet: these are both stored and published live.
  const events = asIterator(await resume(seen)) as AsyncIterableIterator<Event>;
  const during = [await send(alice.userId, 'c'), await send(alice.userId, 'd')];

  expect(await ids(events, 4)).toEqual([...before, ...during]);
  // The live copies of c and d were dropped: the next event is the next notice, not a duplicate.
  const after = await send(alice.userId, 'e');
  expect(await ids(events, 1)).toEqual([after]);
  await events.return?.();
});

test(`a catch-up of more than ${CATCH_UP_LIMIT} completes after ${CATCH_UP_LIMIT}; resuming after the last gets the rest`, async () => {
  const seen = await send(alice.userId, 'seen');
  const missed: number[] = [];
  for (let i = 0; i < CATCH_UP_LIMIT + 3; i++) missed.push(await send(alice.userId, `n${i}`));

  const first = asIterator(await resume(seen)) as AsyncIterableIterator<Event>;
  expect(await ids(first, CATCH_UP_LIMIT)).toEqual(missed.slice(0, CATCH_UP_LIMIT));
  expect(await first.next()).toEqual({ value: undefined, done: true });

  const second = asIterator(await resume(missed[CATCH_UP_LIMIT - 1])) as AsyncIterableIterator<Event>;
  expect(await ids(second, 3)).toEqual(missed.slice(CATCH_UP_LIMIT));
  await second.return?.();
}, 60_000);

test('after a cursor that is not a notification id is BAD_USER_INPUT', async () => {
  const result = await resume('x1');
  expect(Symbol.asyncIterator in result ? 'subscribed' : codeOf(result)).toBe('BAD_USER_INPUT');
});

test('the catch-up holds only the caller\'s own notifications', async () => {
  const seen = await send(alice.userId, 'seen');
  await send(bob.userId, 'for bob');
  const events = asIterator(await resume(seen)) as AsyncIterableIterator<Event>;
  const own = await send(alice.userId, 'for alice');
  expect((await nextEvent(events)).data?.notificationReceived).toEqual({ id: String(own), title: 'for alice' });
  await events.return?.();
});
