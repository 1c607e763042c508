import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { createOrm, ensureSchema, eventEntities, type Orm, RedisStreamBus } from '../src';
import { describeDeadLetters } from './fixtures/dead-letter.suite';
import { Purse } from './fixtures/purses-subgraph';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const dbUrl = new URL(process.env.DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/test');
dbUrl.pathname = `/kit_dead_letters_int_${randomBytes(3).toString('hex')}`;
const runPrefix = `test:${randomBytes(4).toString('hex')}:`;

let orm: Orm;
let bus: RedisStreamBus;
beforeAll(async () => {
  orm = await createOrm({ entities: [Purse, ...eventEntities], databaseUrl: dbUrl.toString() });
  await ensureSchema(orm);
});
beforeEach(() => {
  // Streams of its own per test: an event left pending by one test is not claimed by the next.
  const keyPrefix = `${runPrefix}${randomBytes(2).toString('hex')}:`;
  bus = new RedisStreamBus({ redisUrl, keyPrefix, blockMs: 100, claimIdleMs: 5000, onError: () => undefined });
});
afterEach(() => bus.close());
afterAll(async () => {
  await orm.schema.dropDatabase();
  await orm.close();
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${runPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('dead letters on MariaDB through Redis Streams', () => {
  describeDeadLetters(() => ({ orm, bus }));
});
