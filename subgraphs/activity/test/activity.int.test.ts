import { randomInt } from 'node:crypto';
import Redis from 'ioredis';
import { createOrm, RedisRevocationList, type Orm } from '@platform/kit';
import { ActivityClient, asIterator, callers, nextEvent, RECEIVED, TENANT } from './support/harness';
import { BASE_ROLES } from '@platform/testkit';
import { NOTIFICATION_RECEIVED } from '@platform/activity';

// MariaDB migrations and Redis on a shared, loaded 2-core machine take longer than jest's 5 s.
jest.setTimeout(60_000);

// Real MariaDB + Redis: CI sets the URLs; these machines run both on the default ports.
const mysqlServer = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const databaseUrl = (() => {
  const url = new URL(mysqlServer);
  url.pathname = `/activity_int_${Date.now()}_${randomInt(1e6)}`;
  return url.toString();
})();

// A user id no other run uses, so parallel runs sharing this Redis never see each other's notices.
const recipient = BASE_ROLES.user({ tenantId: TENANT, userId: String(randomInt(1e9, 2e9)), username: 'carol' });

let a: ActivityClient;
let b: ActivityClient;
let redis: Redis;
let orm: Orm;

beforeAll(async () => {
  const config = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
  a = await ActivityClient.start(config);
  b = await ActivityClient.start(config);
  await a.announce(recipient); // as identity would: activity accepts only users it has learnt of
  redis = new Redis(redisUrl);
  orm = await createOrm({ entities: [], databaseUrl });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis?.quit();
  await orm?.schema.dropDatabase();
  await orm?.close();
});

/** Redis SUBSCRIBE is asynchronous: wait until instance B really listens on the recipient's channel. */
async function untilSubscribed(channel: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
    if (Number(count) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`nobody subscribed to ${channel}`);
}

test('a subscriber on instance B receives a notification sent through instance A', async () => {
  const events = asIterator(await b.subscribe(recipient, RECEIVED));
  await untilSubscribed(`${NOTIFICATION_RECEIVED}:${recipient.userId}`);
  const pending = nextEvent(events);

  const title = `Repayment ${randomInt(1e6)} received`;
  const { id } = (await a.send(callers.admin, { recipientId: recipient.userId, title, body: 'PHP 5,000', category: 'repayment' }))
    .sendNotification;

  expect((await pending).data).toEqual({
    notificationReceived: {
      id,
      title,
      category: 'repayment',
      read: false,
      tenantId: TENANT,
      createdAt: expect.stringMatching(/Z$/),
      recipient: { id: recipient.userId },
    },
  });
  await events.return?.();

  // Both instances read the same database, and the event was recorded with the notification.
  const mine = await b.ok(recipient, '{ myNotifications { items { id title } } }');
  expect(mine.myNotifications.items).toEqual([{ id, title }]);
  const outbox = await orm.em.getConnection().execute('select topic, aggregate_id from outbox_event');
  expect(outbox).toEqual([{ topic: 'notification.sent', aggregate_id: id }]);
});

test('a session signed out at identity (revoked in Redis) is refused by every instance', async () => {
  const signedOut = BASE_ROLES.user({ tenantId: TENANT, userId: '7', username: 'dave' });
  expect((await b.ok(signedOut, '{ myNotifications { total } }')).myNotifications.total).toBe(0);

  await new RedisRevocationList(redis).revoke(signedOut.sessionId, 60);

  for (const instance of [a, b]) {
    await expect(instance.runtime.createContext(instance.headers(signedOut))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' },
    });
  }
});

test('health reports the database and Redis', async () => {
  expect(await a.runtime.health()).toEqual({ database: 'healthy', redis: 'healthy' });
});
