import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { createPubSub, type KitPubSub } from '../src/pubsub';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const channelPrefix = `test:${randomBytes(4).toString('hex')}:`;

let publisher: KitPubSub;
let subscriber: KitPubSub;
let redis: Redis;

beforeEach(() => {
  publisher = createPubSub({ redisUrl, channelPrefix });
  subscriber = createPubSub({ redisUrl, channelPrefix });
  redis = new Redis(redisUrl);
});
afterEach(async () => {
  await Promise.all([publisher.close(), subscriber.close(), redis.quit()]);
});

async function redisSubscribers(channel: string): Promise<number> {
  const [, count] = (await redis.pubsub('NUMSUB', channelPrefix + channel)) as [string, number];
  return Number(count);
}

test('a publish on one instance reaches subscribers of another', async () => {
  const events = subscriber.subscribe('ORDER_PLACED');
  await events.ready;
  await publisher.publish('ORDER_PLACED', { id: 'o1', total: '10.00' });
  expect(await events.next()).toEqual({ value: { id: 'o1', total: '10.00' }, done: false });
});

test('dynamic ids cross instances too', async () => {
  const mine = subscriber.subscribe('CASE_UPDATED', 'c1');
  await mine.ready;
  await publisher.publish('CASE_UPDATED', 'c2', 'not mine');
  await publisher.publish('CASE_UPDATED', 'c1', 'mine');
  expect(await mine.next()).toEqual({ value: 'mine', done: false });
});

test('one Redis subscription per topic per instance, dropped when the last iterator returns mid-wait', async () => {
  const first = subscriber.subscribe('TICK');
  const second = subscriber.subscribe('TICK');
  await Promise.all([first.ready, second.ready]);
  expect(await redisSubscribers('TICK')).toBe(1);

  const pending = first.next();
  await first.return();
  await expect(pending).resolves.toEqual({ value: undefined, done: true });
  expect(await redisSubscribers('TICK')).toBe(1);

  const stillWaiting = second.next();
  await second.return();
  await expect(stillWaiting).resolves.toEqual({ value: undefined, done: true });
  await waitFor(async () => (await redisSubscribers('TICK')) === 0);
  expect(subscriber.listenerCount('TICK')).toBe(0);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
