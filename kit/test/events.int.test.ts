import { randomBytes } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, Property } from '@mikro-orm/decorators/legacy';
import Redis from 'ioredis';
import { createOrm, ensureSchema, type Orm, UuidEntity } from '../src/db';
import {
  type BusEvent,
  eventEntities,
  OutboxEvent,
  OutboxRelay,
  recordEvent,
  RedisStreamBus,
  type RedisStreamBusOptions,
  runIdempotent,
} from '../src/events';

@Entity()
class Wallet extends UuidEntity {
  @Property() owner!: string;
  @Property() balance: number & Opt = 0;
}

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const dbUrl = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test');
dbUrl.pathname = `/kit_events_int_${randomBytes(3).toString('hex')}`;
const prefix = `test:${randomBytes(4).toString('hex')}:`;
const quiet = () => undefined;

let orm: Orm;
let redis: Redis;
const buses: RedisStreamBus[] = [];

function newBus(options: Partial<RedisStreamBusOptions> = {}): RedisStreamBus {
  const bus = new RedisStreamBus({ redisUrl, keyPrefix: prefix, blockMs: 100, claimIdleMs: 200, onError: quiet, ...options });
  buses.push(bus);
  return bus;
}

const event = (id: string, topic = 'wallet.opened'): BusEvent => ({
  id, topic, payload: { id }, tenantId: null, aggregateId: null, occurredAt: new Date().toISOString(),
});

beforeAll(async () => {
  orm = await createOrm({ entities: [Wallet, ...eventEntities], databaseUrl: dbUrl.toString() });
  await ensureSchema(orm);
  redis = new Redis(redisUrl);
});
afterEach(async () => {
  await Promise.all(buses.splice(0).map((b) => b.close()));
});
afterAll(async () => {
  await orm.schema.dropDatabase();
  await orm.close();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('RedisStreamBus', () => {
  test('every group gets each event; members of one group share them', async () => {
    const bus = newBus();
    const a: string[] = [];
    const b: string[] = [];
    const c: string[] = [];
    await bus.subscribe('shared', ['t1'], async (e) => void a.push(e.id));
    await newBus().subscribe('shared', ['t1'], async (e) => void b.push(e.id));
    await bus.subscribe('other', ['t1', 't2'], async (e) => void c.push(e.id));
    const ids = Array.from({ length: 20 }, (_, i) => String(i));
    await newBus().publish([...ids.map((id) => event(id, 't1')), event('x', 't2')]);
    await waitFor(() => a.length + b.length === 20 && c.length === 21);
    expect([...a, ...b].sort()).toEqual([...ids].sort());
    expect(c.sort()).toEqual([...ids, 'x'].sort());
  });

  test('an event whose consumer crashed before XACK is delivered again to the group', async () => {
    const crashed: string[] = [];
    const first = newBus();
    await first.subscribe('billing', ['wallet.opened'], async (e) => {
      crashed.push(e.id);
      throw new Error('process died mid-handler');
    });
    await first.publish([event('e1')]);
    await waitFor(() => crashed.length === 1);
    await first.close();
    const pending = () => redis.xpending(`${prefix}events:wallet.opened`, 'billing') as Promise<[number, ...unknown[]]>;
    expect((await pending())[0]).toBe(1);

    const redelivered: string[] = [];
    await newBus().subscribe('billing', ['wallet.opened'], async (e) => void redelivered.push(e.id));
    await waitFor(() => redelivered.length === 1);
    expect(redelivered).toEqual(['e1']);
    await waitFor(async () => (await pending())[0] === 0);
  });

  test('a group created after publishing still receives the retained events', async () => {
    await newBus().publish([event('early', 'late-topic')]);
    const seen: string[] = [];
    await newBus().subscribe('latecomer', ['late-topic'], async (e) => void seen.push(e.id));
    await waitFor(() => seen.length === 1);
  });

  test('of the events read at once, one aggregate’s are handled in order, one at a time; a slow aggregate does not hold back the others', async () => {
    const of = (id: string, aggregateId: string): BusEvent => ({ ...event(id, 'lanes'), tenantId: '1', aggregateId });
    const handled: string[] = [];
    let runningOnSlow = 0;
    let overlapOnSlow = false;
    let releaseSlow!: () => void;
    const slowGate = new Promise<void>((r) => (releaseSlow = r));
    // Published before the group reads, so one read takes them all.
    await newBus().publish([of('s1', 'slow'), of('f1', 'fast'), of('s2', 'slow'), of('f2', 'fast'), of('s3', 'slow'), of('o1', 'other')]);
    await newBus({ batchSize: 20 }).subscribe('lanes', ['lanes'], async (e) => {
      if (e.aggregateId === 'slow') {
        overlapOnSlow ||= runningOnSlow > 0;
        runningOnSlow += 1;
        if (e.id === 's1') await slowGate;
        runningOnSlow -= 1;
      }
      handled.push(e.id);
    });
    // While s1 waits, the other aggregates go on; s2 and s3 wait for it.
    await waitFor(() => handled.length === 3);
    expect([...handled].sort()).toEqual(['f1', 'f2', 'o1']);
    releaseSlow();
    await waitFor(() => handled.length === 6);
    expect(handled.filter((id) => id.startsWith('s'))).toEqual(['s1', 's2', 's3']);
    expect(handled.filter((id) => id.startsWith('f'))).toEqual(['f1', 'f2']);
    expect(overlapOnSlow).toBe(false);
  });

  test('close() interrupts a blocking read at once', async () => {
    const bus = new RedisStreamBus({ redisUrl, keyPrefix: prefix, blockMs: 10_000, onError: quiet });
    await bus.subscribe('idle', ['nothing'], async () => undefined);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await bus.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('outbox on MariaDB through Redis', () => {
  test('a rolled-back transaction leaves no event', async () => {
    await expect(
      orm.em.fork().transactional(async (em) => {
        em.create(Wallet, { owner: 'ghost' });
        recordEvent(em, { topic: 'wallet.opened', payload: {} });
        await em.flush();
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await orm.em.fork().count(OutboxEvent, {})).toBe(0);
    expect(await orm.em.fork().count(Wallet, { owner: 'ghost' })).toBe(0);
  });

  test('relay + idempotent consumer apply an event exactly once even when it is published twice', async () => {
    const bus = newBus();
    let deliveries = 0;
    await bus.subscribe('bonus', ['wallet.created'], async (e) => {
      deliveries++;
      await runIdempotent(orm.em.fork(), 'bonus', e, async (em) => {
        (await em.findOneOrFail(Wallet, e.aggregateId!)).balance += 5;
      });
    });
    const wallet = await orm.em.fork().transactional(async (em) => {
      const w = em.create(Wallet, { owner: 'ann' });
      recordEvent(em, { topic: 'wallet.created', payload: {}, aggregateId: w.id });
      return w;
    });
    const relay = new OutboxRelay({ em: orm.em, bus });
    await relay.flush();
    await orm.em.fork().nativeUpdate(OutboxEvent, {}, { publishedAt: null }); // crash before marking
    await relay.flush();
    await waitFor(() => deliveries >= 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(deliveries).toBe(2);
    expect((await orm.em.fork().findOneOrFail(Wallet, wallet.id)).balance).toBe(5);
  });

  test('two concurrent deliveries of one event: exactly one runs', async () => {
    const setup = orm.em.fork();
    const wallet = setup.create(Wallet, { owner: 'race' });
    await setup.flush();
    const credit = (id: string) =>
      runIdempotent(orm.em.fork(), 'race', { id }, async (em) => {
        (await em.findOneOrFail(Wallet, wallet.id)).balance += 1;
        await new Promise((r) => setTimeout(r, 50));
      });
    const results = await Promise.all([credit('r1'), credit('r1'), credit('r1')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await orm.em.fork().findOneOrFail(Wallet, wallet.id)).balance).toBe(1);
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
