import { createOrm, ensureSchema, eventEntities, InProcessBus, type Orm, OutboxLease, recordEvent, RelayLease } from '../src';
import { waitFor } from './fixtures/purses-subgraph';
import { duplicates, leaseHolder, recordConcurrently, startRelay, unpublished } from './fixtures/two-relays';

let orm: Orm;
let bus: InProcessBus;
let published: string[];
const relays: { stop(): Promise<void> }[] = [];

beforeEach(async () => {
  orm = await createOrm({ entities: eventEntities });
  await ensureSchema(orm);
  bus = new InProcessBus({ onError: () => undefined });
  published = [];
  await bus.subscribe('audit', ['tick'], async (event) => void published.push(event.id));
});
afterEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.stop()));
  await bus.close();
  await orm.close();
});

const relay = (lease?: { ttlMs?: number; holder?: string }) => {
  const started = startRelay(orm, bus, lease);
  relays.push(started);
  return started;
};

describe('relay lease', () => {
  test('two relays on one database publish each outbox row exactly once', async () => {
    relay({ holder: 'a' });
    relay({ holder: 'b' });
    await recordConcurrently([orm], 60);
    await waitFor(async () => (await unpublished(orm)) === 0);
    await bus.drain();
    expect(duplicates(published)).toEqual([]);
    expect(published).toHaveLength(60);
  });

  test('a holder that stops hands the lease over at once', async () => {
    const first = relay({ holder: 'first', ttlMs: 60_000 });
    relay({ holder: 'second', ttlMs: 60_000 });
    const em = orm.em.fork();
    recordEvent(em, { topic: 'tick', payload: 1 });
    await em.flush();
    await waitFor(() => published.length === 1);
    const holder = await leaseHolder(orm);
    const [stopping, staying] = holder === 'first' ? [first, 'second'] : [relays[1], 'first'];
    await stopping.stop();
    recordEvent(em, { topic: 'tick', payload: 2 });
    await em.flush();
    // Well within the minute the stopped holder's lease would otherwise have lasted.
    await waitFor(() => published.length === 2, 2000);
    expect(await leaseHolder(orm)).toBe(staying);
  });

  test('a lease left by a crashed relay is taken over once it expires, not before', async () => {
    await orm.em.fork().insert(OutboxLease, { name: 'outbox', holder: 'crashed', expiresAt: new Date(Date.now() + 1000) });
    relay({ holder: 'survivor' });
    const em = orm.em.fork();
    recordEvent(em, { topic: 'tick', payload: 1 });
    await em.flush();
    await new Promise((r) => setTimeout(r, 300));
    expect(published).toEqual([]);
    await waitFor(() => published.length === 1, 3000);
    expect(await leaseHolder(orm)).toBe('survivor');
  });

  test('the holder renews its lease once half its term has passed, and keeps it', async () => {
    const a = new RelayLease(orm.em, { holder: 'a', ttlMs: 200 });
    const b = new RelayLease(orm.em, { holder: 'b', ttlMs: 200 });
    expect(await a.acquire()).toBe(true);
    const firstExpiry = (await orm.em.fork().findOneOrFail(OutboxLease, { name: 'outbox' })).expiresAt.getTime();
    expect(await b.acquire()).toBe(false);
    await new Promise((r) => setTimeout(r, 150));
    expect(await a.acquire()).toBe(true);
    expect(await b.acquire()).toBe(false);
    const renewed = await orm.em.fork().findOneOrFail(OutboxLease, { name: 'outbox' });
    expect(renewed.holder).toBe('a');
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(firstExpiry);
  });
});
