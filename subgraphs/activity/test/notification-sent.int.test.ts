import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { RedisStreamBus, type BusEvent } from '@platform/kit';
import { dropDatabases, uniqueDatabaseUrl } from '@platform/testkit';
import { ActivityClient, callers, TENANT } from './support/harness';

// MariaDB migrations and Redis on a shared, loaded 2-core machine take longer than jest's 5 s.
jest.setTimeout(60_000);

// Real MariaDB + Redis Streams: the bus the launcher builds when REDIS_URL is set.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const databaseUrl = uniqueDatabaseUrl('activity_events');
const keyPrefix = `test:${randomBytes(4).toString('hex')}:`;

let publisher: RedisStreamBus;
let consumer: RedisStreamBus;
let client: ActivityClient;

beforeAll(async () => {
  publisher = new RedisStreamBus({ redisUrl, keyPrefix });
  // Another process's bus: what it receives crossed Redis.
  consumer = new RedisStreamBus({ redisUrl, keyPrefix, blockMs: 100 });
  client = await ActivityClient.start({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl }, { bus: publisher });
});

afterAll(async () => {
  await client?.close();
  await publisher?.close();
  await consumer?.close();
  await dropDatabases(databaseUrl);
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

test('notification.sent recorded by sendNotification reaches a consumer group through Redis Streams', async () => {
  const seen: BusEvent[] = [];
  await consumer.subscribe('activity-events-test', ['notification.sent'], async (event) => void seen.push(event));
  const input = { recipientId: callers.alice.userId, title: 'Repayment received', body: 'PHP 5,000', category: 'repayment' };
  const { id } = (await client.send(callers.admin, input)).sendNotification;

  const deadline = Date.now() + 5000;
  while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(seen).toEqual([
    {
      id: expect.any(String),
      topic: 'notification.sent',
      tenantId: TENANT,
      aggregateId: id,
      payload: { notificationId: Number(id), recipientId: callers.alice.userId, category: 'repayment' },
      occurredAt: expect.stringMatching(/Z$/),
    },
  ]);
});
