import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { SubgraphHarness } from '@platform/testkit';
import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import {
  afterCommit,
  allow,
  BaseEntity,
  baseConfigShape,
  defineSubgraph,
  InProcessBus,
  OutboxEvent,
  recordEvent,
  type BusEvent,
  type SubgraphContext,
} from '../src';

// The kit's one transaction per mutation, on a subgraph of its own: no resolver opens a transaction.

@ObjectType()
@Entity()
class Counter extends BaseEntity {
  @Field()
  @Property()
  label!: string;
}

const announced: string[] = [];

@Resolver()
class CounterResolver {
  @Query(() => Int)
  counters(@Ctx() ctx: SubgraphContext) {
    return ctx.em.count(Counter, {});
  }

  @Mutation(() => Counter)
  async addCounter(@Arg('label') label: string, @Arg('fail') fail: boolean, @Ctx() ctx: SubgraphContext) {
    const counter = ctx.em.create(Counter, { label });
    await ctx.em.flush(); // a first write, as a resolver needing the id does
    recordEvent(ctx.em, { topic: 'counter.added', aggregateId: counter.id, payload: { label } });
    await ctx.em.flush();
    await afterCommit(ctx, () => void announced.push(label));
    if (fail) throw new Error('failed after writing');
    return counter;
  }
}

const counters = defineSubgraph({
  name: 'counters',
  config: z.object({ ...baseConfigShape, PORT: z.coerce.number().default(4098) }),
  entities: [Counter],
  resolvers: [CounterResolver],
  permissions: { Query: { counters: allow }, Mutation: { addCounter: allow }, Counter: allow },
});

const ADD = `mutation($l: String!, $f: Boolean!) { addCounter(label: $l, fail: $f) { label } }`;

let h: SubgraphHarness<Awaited<ReturnType<typeof counters.start>>>;
let bus: InProcessBus;
const published: BusEvent[] = [];
beforeAll(async () => {
  bus = new InProcessBus();
  await bus.subscribe('mutation-transaction-test', ['counter.added'], async (event) => void published.push(event));
  h = await SubgraphHarness.start(counters, { deps: { bus } });
});
afterAll(async () => {
  await h.close();
  await bus.close();
});

test('a mutation that fails after writing leaves no row, no outbox event, no publish and runs no after-commit work', async () => {
  const result = await h.exec(ADD, { l: 'doomed', f: true });
  expect(result.errors?.[0]?.message).toBe('failed after writing');
  await bus.drain();
  expect(await h.data(`{ counters }`)).toEqual({ counters: 0 });
  expect(await h.runtime.orm.em.fork().count(OutboxEvent, {})).toBe(0);
  expect(published).toEqual([]);
  expect(announced).toEqual([]);
});

test('a mutation that succeeds commits its row and event together, then runs its after-commit work', async () => {
  expect(await h.data(ADD, { l: 'kept', f: false })).toEqual({ addCounter: { label: 'kept' } });
  expect(announced).toEqual(['kept']);
  expect(await h.data(`{ counters }`)).toEqual({ counters: 1 });
  const deadline = Date.now() + 10_000;
  while (published.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(published.map((e) => e.payload)).toEqual([{ label: 'kept' }]);
});
