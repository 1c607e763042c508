import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { type BusEvent, createOrm, ensureSchema, eventEntities, type Orm, type OutboxRelay, RedisStreamBus } from '../src';
import { waitFor } from './fixtures/purses-subgraph';
import { duplicates, recordConcurrently, startRelay, unpublished } from './fixtures/two-relays';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const dbUrl = new URL(process.env.DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/test');
dbUrl.pathname = `/kit_relay_lease_int_${randomBytes(3).toString('hex')}`;
const keyPrefix = `test:${randomBytes(4).toString('hex')}:`;

/** Two instances of one subgraph: each its own connection pool to the one database, its own Redis connection. */
let instances: { orm: Orm; bus: RedisStreamBus; relay?: OutboxRelay }[];
let redis: Redis;

beforeAll(async () => {
  instances = [];
  for (let i = 0; i < 2; i++) {
    const orm = await createOrm({ entities: eventEntities, databaseUrl: dbUrl.toString() });
    await ensureSchema(orm);
    instances.push({ orm, bus: new RedisStreamBus({ redisUrl, keyPrefix, onError: () => undefined }) });
  }
  redis = new Redis(redisUrl);
});
afterAll(async () => {
  for (const { relay, bus } of instances) {
    await relay?.stop();
    await bus.close();
  }
  await instances[0].orm.schema.dropDatabase();
  for (const { orm } of instances) await orm.close();
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

test('two relays on one MariaDB database put each outbox row on the Redis stream exactly once', async () => {
  for (const instance of instances) instance.relay = startRelay(instance.orm, instance.bus);
  await recordConcurrently(instances.map((i) => i.orm), 100);
  await waitFor(async () => (await unpublished(instances[0].orm)) === 0, 10_000);

  const entries = (await redis.xrange(`${keyPrefix}events:tick`, '-', '+')) as [string, string[]][];
  const ids = entries.map(([, fields]) => (JSON.parse(fields[1]) as BusEvent).id);
  expect(duplicates(ids)).toEqual([]);
  expect(ids).toHaveLength(100);
});
