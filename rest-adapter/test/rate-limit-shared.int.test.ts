import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createTokenSigner, Secret } from '@platform/kit';
import { createAdapter, type Adapter } from '../src';
import { fakeExecutor } from './support/fake-executor';
import { silentLogger } from './support/silent-logger';

// Two adapter instances behind one load balancer: a user's budget is one, whichever instance serves them.
// (Login, refresh and registration are limited in identity, shared the same way: its login-limit.int.test.ts.)
describe('REST limits shared through Redis', () => {
  const redisUrl = process.env.REDIS_URL!;
  const signer = createTokenSigner(new Secret('a-test-secret-of-at-least-32-characters!'));
  const keyPrefix = `shared-${randomBytes(4).toString('hex')}`;
  const adapters: Adapter[] = [];

  afterAll(async () => {
    for (const adapter of adapters) await adapter.close();
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('one user, many tokens, two instances: one budget per user; anonymous calls one budget per address', async () => {
    for (let i = 0; i < 2; i++) {
      adapters.push(
        await createAdapter({
          executor: fakeExecutor({ HrEmployees: () => ({ data: { users: { items: [], total: 0, page: 1, pageSize: 20, pages: 0 } } }) }),
          logger: silentLogger,
          production: true,
          rateLimiter: { redisUrl, keyPrefix, tokens: signer, limits: { normal: { points: 3, durationSeconds: 60 } } },
        }),
      );
    }
    const token = (sessionId: string) =>
      signer.signAccess({ userId: '7', username: 'u', tenantId: '1', roles: [], permissions: [], scope: 'own', sessionId }, 60);
    const get = (n: number) =>
      adapters[n % 2].app.inject({ method: 'GET', url: '/api/employees', headers: { authorization: `Bearer ${token(`s${n}`)}` } });
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await get(n)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);

    const anonymous = (n: number) => adapters[n % 2].app.inject({ method: 'GET', url: '/api/info', remoteAddress: '198.51.100.9' });
    const anonymousStatuses = [];
    for (let n = 0; n < 4; n++) anonymousStatuses.push((await anonymous(n)).statusCode);
    expect(anonymousStatuses).toEqual([200, 200, 200, 429]);
  });
});
