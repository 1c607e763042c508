import { type ExecutionResult, parse, subscribe } from 'graphql';
import { Arg, buildSchema, Query, Resolver, Root, Subscription } from 'type-graphql';
import { createPubSub, type KitPubSub } from '../src/pubsub';

let pubSub: KitPubSub;
beforeEach(() => (pubSub = createPubSub()));
afterEach(() => pubSub.close());

test('a publish reaches every subscriber of its topic, and only them', async () => {
  const first = pubSub.subscribe('NEWS');
  const second = pubSub.subscribe('NEWS');
  const other = pubSub.subscribe('SPORT');
  await pubSub.publish('NEWS', { n: 1 });
  expect(await first.next()).toEqual({ value: { n: 1 }, done: false });
  expect(await second.next()).toEqual({ value: { n: 1 }, done: false });
  await pubSub.publish('SPORT', 'goal');
  expect(await other.next()).toEqual({ value: 'goal', done: false });
});

test('dynamic ids narrow a topic: publish(key, id, payload) reaches subscribe(key, id)', async () => {
  const mine = pubSub.subscribe('CASE_UPDATED', 'c1');
  const theirs = pubSub.subscribe('CASE_UPDATED', 'c2');
  await pubSub.publish('CASE_UPDATED', 'c1', { id: 'c1' });
  expect(await mine.next()).toEqual({ value: { id: 'c1' }, done: false });
  await theirs.return();
  expect(pubSub.listenerCount('CASE_UPDATED', 'c2')).toBe(0);
});

test('return() while a next() is pending ends it and unsubscribes at once', async () => {
  const events = pubSub.subscribe('IDLE');
  const pending = events.next();
  expect(pubSub.listenerCount('IDLE')).toBe(1);
  await events.return();
  await expect(pending).resolves.toEqual({ value: undefined, done: true });
  expect(pubSub.listenerCount('IDLE')).toBe(0);
  await expect(events.next()).resolves.toEqual({ value: undefined, done: true });
});

test('close() ends every open subscription', async () => {
  const events = pubSub.subscribe('X');
  const pending = events.next();
  await pubSub.close();
  await expect(pending).resolves.toEqual({ value: undefined, done: true });
  expect(pubSub.listenerCount('X')).toBe(0);
});

describe('as the type-graphql pubSub', () => {
  @Resolver()
  class TickResolver {
    @Query(() => String) ping(): string {
      return 'pong';
    }

    @Subscription(() => String, { topics: 'TICK' })
    tick(@Root() payload: string): string {
      return payload;
    }

    @Subscription(() => String, { topics: 'TICK', filter: ({ payload, args }) => payload.startsWith(args.prefix) })
    tickWith(@Root() payload: string, @Arg('prefix') _prefix: string): string {
      return payload;
    }
  }

  async function open(query: string) {
    const schema = await buildSchema({ resolvers: [TickResolver], pubSub, validate: false });
    const result = await subscribe({ schema, document: parse(query) });
    if (!(Symbol.asyncIterator in result)) throw new Error(JSON.stringify(result));
    return result as AsyncGenerator<ExecutionResult>;
  }

  test('delivers published payloads to a GraphQL subscription', async () => {
    const stream = await open('subscription { tick }');
    await pubSub.publish('TICK', 'one');
    expect((await stream.next()).value).toEqual({ data: { tick: 'one' } });
    await stream.return(undefined);
    expect(pubSub.listenerCount('TICK')).toBe(0);
  });

  test('a filtered subscription unsubscribes when its client goes away mid-wait', async () => {
    const stream = await open('subscription { tickWith(prefix: "a") }');
    await pubSub.publish('TICK', 'b-skipped');
    await pubSub.publish('TICK', 'a-kept');
    expect((await stream.next()).value).toEqual({ data: { tickWith: 'a-kept' } });
    const pending = stream.next();
    await stream.return(undefined);
    await pending;
    expect(pubSub.listenerCount('TICK')).toBe(0);
  });
});
