import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { until } from '@platform/testkit';
import { RedisRevocationList } from '../src';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:${randomBytes(4).toString('hex')}:revoked-session:`;

/** Two instances (two connections) sharing one Redis: one revokes, the other is told and refuses the session. */
describe('RedisRevocationList across instances', () => {
  let one: Redis;
  let other: Redis;

  beforeEach(() => {
    one = new Redis(redisUrl);
    other = new Redis(redisUrl);
  });
  afterEach(async () => {
    await Promise.all([one.quit(), other.quit()]);
  });

  it('notifies the other instance of a revoked session', async () => {
    const heard: string[] = [];
    const stop = await new RedisRevocationList(other, prefix).onRevoke((sessionId) => heard.push(sessionId));
    try {
      await new RedisRevocationList(one, prefix).revoke('s-1', 60);
      await until(() => heard.length > 0);
      expect(heard).toEqual(['s-1']);
      expect(await new RedisRevocationList(other, prefix).isRevoked('s-1')).toBe(true);
    } finally {
      await stop();
    }
  });

  it('stops notifying once unsubscribed, and closes its subscriber connection', async () => {
    const channel = `${prefix}revoked`;
    const subscribers = async () => Number(((await one.pubsub('NUMSUB', channel)) as [string, number])[1]);
    const stop = await new RedisRevocationList(other, prefix).onRevoke(() => undefined);
    expect(await subscribers()).toBe(1);
    await stop();
    expect(await subscribers()).toBe(0);
  });
});
