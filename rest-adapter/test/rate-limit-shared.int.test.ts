import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createTokenSigner, Secret } from '@platform/kit';
import { createAdapter, type Adapter } from '../src';
import { fakeExecutor } from './support/fake-executor';
import { silentLogger } from './support/silent-logger';

// Two adapter instances behind one load balancer: a user's budget is one, whichever instance serves them.
describe('REST limits shared through Redis', () => {
  const redis = new Redis(process.env.REDIS_URL!);
  const signer = createTokenSigner(new Secret('a-test-secret-of-at-least-32-characters!'));
  const keyPrefix = `shared-${randomBytes(4).toString('hex')}`;
  const adapters: Adapter[] = [];

  afterAll(async () => {
    for (const adapter of adapters) await adapter.close();
    redis.disconnect();
  });

  it('one user, many tokens, two instances: one budget per user; registrations one budget per address', async () => {
    for (let i = 0; i < 2; i++) {
      adapters.push(
        await createAdapter({
          executor: fakeExecutor({
            HrEmployees: () => ({ data: { users: { items: [], total: 0, page: 1, pageSize: 20, pages: 0 } } }),
            LeadsRegister: (vars) => ({ data: { register: { id: '9', username: (vars.input as { username: string }).username } } }),
          }),
          logger: silentLogger,
          production: true,
          rateLimiter: {
            redis,
            keyPrefix,
            tokens: signer,
            limits: { normal: { points: 3, durationSeconds: 60 }, register: { points: 1, durationSeconds: 3600 } },
          },
        }),
      );
    }
    const token = (sessionId: string) =>
      signer.signAccess({ userId: '7', username: 'u', tenantId: '1', roles: [], permissions: [], scope: 'own', sessionId }, 60);
    const get = (n: number) =>
      adapters[n % 2]!.app.inject({ method: 'GET', url: '/api/employees', headers: { authorization: `Bearer ${token(`s${n}`)}` } });
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await get(n)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);

    const register = (n: number) =>
      adapters[n]!.app.inject({ method: 'POST', url: '/api/users/register', remoteAddress: '198.51.100.9', payload: { username: `r${n}`, password: 'secret1' } });
    expect((await register(0)).statusCode).toBe(200);
    expect((await register(1)).statusCode).toBe(429);
  });
});
