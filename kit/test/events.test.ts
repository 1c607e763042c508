import { EntityManager, type Opt } from '@mikro-orm/core';
import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { createOrm, ensureSchema, type Orm, SqlCounter, UuidEntity } from '../src/db';
import {
  type BusEvent,
  eventEntities,
  type EventBus,
  InProcessBus,
  OutboxEvent,
  OutboxRelay,
  recordEvent,
  runIdempotent,
} from '../src/events';

@Entity()
class Account extends UuidEntity {
  @Property() name!: string;
  @Property() credits: number & Opt = 0;
}

let orm: Orm;
let bus: InProcessBus;
const quiet = () => undefined;
const counter = new SqlCounter();

beforeEach(async () => {
  orm = await createOrm({ entities: [Account, ...eventEntities], sqlCounter: counter });
  await ensureSchema(orm);
  bus = new InProcessBus({ retryDelayMs: 5, onError: quiet });
});
afterEach(async () => {
  await bus.close();
  await orm.close();
});

/** Opens an account and records `account.opened` in one transaction. */
async function openAccount(name: string, fail = false): Promise<string> {
  return orm.em.fork().transactional(async (em) => {
    const account = em.create(Account, { name });
    recordEvent(em, { topic: 'account.opened', payload: { name }, aggregateId: account.id, tenantId: 1 });
    await em.flush();
    if (fail) throw new Error('business rule broken');
    return account.id;
  });
}

function collect(into: BusEvent[]) {
  return async (event: BusEvent) => void into.push(event);
}

describe('recordEvent', () => {
  test('the event commits with the business change', async () => {
    const id = await openAccount('ann');
    const [event] = await orm.em.fork().find(OutboxEvent, {});
    expect(event).toMatchObject({ topic: 'account.opened', aggregateId: id, tenantId: '1', payload: { name: 'ann' } });
    expect(event.publishedAt).toBeNull();
  });

  test('the event rolls back with the business change', async () => {
    await expect(openAccount('bob', true)).rejects.toThrow('business rule broken');
    expect(await orm.em.fork().count(Account)).toBe(0);
    expect(await orm.em.fork().count(OutboxEvent)).toBe(0);
  });
});

describe('OutboxRelay', () => {
  test('flush publishes pending events in occurrence order and marks them published', async () => {
    const seen: BusEvent[] = [];
    await bus.subscribe('audit', ['account.opened'], collect(seen));
    await openAccount('first');
    await openAccount('second');
    const relay = new OutboxRelay({ em: orm.em, bus });
    await relay.flush();
    await bus.drain();
    expect(seen.map((e) => e.payload)).toEqual([{ name: 'first' }, { name: 'second' }]);
    expect(seen[0]).toMatchObject({ topic: 'account.opened', tenantId: '1' });
    expect(await orm.em.fork().count(OutboxEvent, { publishedAt: null })).toBe(0);

    await relay.flush();
    await bus.drain();
    expect(seen).toHaveLength(2);
  });

  test('events recorded in the same millisecond keep their recording order', async () => {
    const seen: BusEvent[] = [];
    await bus.subscribe('audit', ['n'], collect(seen));
    const em = orm.em.fork();
    for (let n = 0; n < 50; n++) recordEvent(em, { topic: 'n', payload: n });
    await em.flush();
    await new OutboxRelay({ em: orm.em, bus, batchSize: 7 }).flush();
    await bus.drain();
    expect(seen.map((e) => e.payload)).toEqual([...Array(50).keys()]);
  });

  test('retries with back-off while the bus fails, counting attempts', async () => {
    let refusals = 2;
    const flaky: EventBus = {
      publish: async (events) => {
        if (refusals-- > 0) throw new Error('bus down');
        await bus.publish(events);
      },
      subscribe: (...args) => bus.subscribe(...args),
      close: async () => undefined,
    };
    const seen: BusEvent[] = [];
    await bus.subscribe('audit', ['account.opened'], collect(seen));
    await openAccount('ann');
    const errors: unknown[] = [];
    const relay = new OutboxRelay({ em: orm.em, bus: flaky, pollIntervalMs: 5, minBackoffMs: 5, onError: (e) => errors.push(e) });
    relay.start();
    await waitFor(() => seen.length === 1);
    await relay.stop();
    expect(errors).toHaveLength(2);
    const [row] = await orm.em.fork().find(OutboxEvent, {});
    expect(row.attempts).toBe(2);
    expect(row.publishedAt).not.toBeNull();
  });
});

describe('OutboxRelay, started', () => {
  // Polls an hour apart: whatever arrives within the test's second was published by the commit itself.
  let relay: OutboxRelay;
  let seen: BusEvent[];
  beforeEach(async () => {
    seen = [];
    await bus.subscribe('audit', ['account.opened'], collect(seen));
    relay = new OutboxRelay({ em: orm.em, bus, pollIntervalMs: 3_600_000 });
    relay.start();
    await new Promise((r) => setTimeout(r, 20)); // let the start-up pass run: the next poll is an hour away
    await relay.flush();
  });
  afterEach(() => relay.stop());

  test('publishes right after a transaction that recorded events commits', async () => {
    await openAccount('ann');
    await waitFor(() => seen.length === 1, 1000);
    expect(seen[0]).toMatchObject({ topic: 'account.opened', payload: { name: 'ann' } });
  });

  test('publishes after a plain flush, which commits in its own transaction', async () => {
    const em = orm.em.fork();
    recordEvent(em, { topic: 'account.opened', payload: { name: 'bob' } });
    await em.flush();
    await waitFor(() => seen.length === 1, 1000);
  });

  test('publishes events recorded in a nested transaction once the outer one commits', async () => {
    await orm.em.fork().transactional(async (outer) => {
      await outer.transactional(async (inner) => {
        recordEvent(inner, { topic: 'account.opened', payload: { name: 'nested' } });
      });
      outer.create(Account, { name: 'later' });
    });
    await waitFor(() => seen.length === 1, 1000);
  });

  test('publishes nothing for a rolled-back transaction, and nothing once stopped', async () => {
    await expect(openAccount('rolled back', true)).rejects.toThrow();
    await relay.stop();
    await openAccount('after stop');
    await new Promise((r) => setTimeout(r, 50));
    await bus.drain();
    expect(seen).toEqual([]);
    expect(await orm.em.fork().count(OutboxEvent, { publishedAt: null })).toBe(1);
  });

  test('commits made while a run publishes are read by one more run, not one run each', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const held: EventBus = {
      publish: async (events) => {
        await gate;
        await bus.publish(events);
      },
      subscribe: (...args) => bus.subscribe(...args),
      close: async () => undefined,
    };
    await relay.stop();
    const slow = new OutboxRelay({ em: orm.em, bus: held, pollIntervalMs: 3_600_000 });
    slow.start();
    await new Promise((r) => setTimeout(r, 20));
    const reads = jest.spyOn(EntityManager.prototype, 'find');
    try {
      await openAccount('first'); // its run waits at the gate
      for (let i = 0; i < 10; i++) await openAccount(`while publishing ${i}`);
      open();
      await waitFor(() => seen.length === 11, 2000);
      await slow.flush();
      expect(new Set(seen.map((e) => e.id)).size).toBe(11);
      const outboxReads = reads.mock.calls.filter(([entity]) => entity === OutboxEvent).length;
      // The first commit's run, the one the ten others joined, and the flush above: not eleven runs.
      expect(outboxReads).toBeLessThanOrEqual(3);
    } finally {
      reads.mockRestore();
      await slow.stop();
    }
  });

  test('its queries are left out of SqlCounter counts', async () => {
    await openAccount('ann');
    counter.reset();
    await relay.flush();
    await relay.flush();
    expect(counter.statements).toEqual([]);
  });
});

describe('runIdempotent', () => {
  /** A consumer crediting the account once per event, however often the event arrives. */
  function creditingConsumer() {
    let calls = 0;
    const handler = async (event: BusEvent) => {
      calls++;
      await runIdempotent(orm.em.fork(), 'credits', event, async (em) => {
        const account = await em.findOneOrFail(Account, event.aggregateId!);
        account.credits += 10;
      });
    };
    return { handler, calls: () => calls };
  }

  test('an event published twice is applied exactly once', async () => {
    const consumer = creditingConsumer();
    await bus.subscribe('credits', ['account.opened'], consumer.handler);
    const id = await openAccount('ann');
    const relay = new OutboxRelay({ em: orm.em, bus });
    await relay.flush();
    // As if the relay crashed after publishing but before marking the row.
    await orm.em.fork().nativeUpdate(OutboxEvent, {}, { publishedAt: null });
    await relay.flush();
    await bus.drain();
    expect(consumer.calls()).toBe(2);
    expect((await orm.em.fork().findOneOrFail(Account, id)).credits).toBe(10);
  });

  test('a failed handler leaves no mark, so the redelivery applies it', async () => {
    const id = await openAccount('ann');
    const event = { id: 'evt-1', aggregateId: id };
    const credit = async (em: typeof orm.em) => {
      (await em.findOneOrFail(Account, id)).credits += 10;
    };
    await expect(
      runIdempotent(orm.em.fork(), 'credits', event, async (em) => {
        await credit(em);
        throw new Error('crash mid-way');
      }),
    ).rejects.toThrow('crash mid-way');
    expect(await runIdempotent(orm.em.fork(), 'credits', event, credit)).toBe(true);
    expect(await runIdempotent(orm.em.fork(), 'credits', event, credit)).toBe(false);
    expect(await runIdempotent(orm.em.fork(), 'another-consumer', event, async () => undefined)).toBe(true);
    expect((await orm.em.fork().findOneOrFail(Account, id)).credits).toBe(10);
  });
});

describe('InProcessBus', () => {
  const event = (id: string, topic = 't'): BusEvent => ({
    id, topic, payload: { id }, tenantId: null, aggregateId: null, occurredAt: new Date().toISOString(),
  });

  test('delivers asynchronously to every group, once per group', async () => {
    const a1: BusEvent[] = [];
    const a2: BusEvent[] = [];
    const b: BusEvent[] = [];
    await bus.subscribe('a', ['t'], collect(a1));
    await bus.subscribe('a', ['t'], collect(a2));
    await bus.subscribe('b', ['t', 'other'], collect(b));
    await bus.publish([event('1'), event('2'), event('3', 'other')]);
    expect(b).toHaveLength(0);
    await bus.drain();
    expect([...a1, ...a2].map((e) => e.id).sort()).toEqual(['1', '2']);
    expect(a1.length).toBeGreaterThan(0);
    expect(a2.length).toBeGreaterThan(0);
    expect(b.map((e) => e.id)).toEqual(['1', '2', '3']);
  });

  test('a handler that throws gets the event again', async () => {
    let attempts = 0;
    await bus.subscribe('g', ['t'], async () => {
      if (++attempts < 3) throw new Error('not yet');
    });
    await bus.publish([event('1')]);
    await bus.drain();
    expect(attempts).toBe(3);
  });

  test('unsubscribed members receive nothing more', async () => {
    const seen: BusEvent[] = [];
    const unsubscribe = await bus.subscribe('g', ['t'], collect(seen));
    await unsubscribe();
    await bus.publish([event('1')]);
    await bus.drain();
    expect(seen).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
