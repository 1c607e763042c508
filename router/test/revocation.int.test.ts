import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import Redis from 'ioredis';
import WebSocket from 'ws';
import { RedisRevocationList } from '@platform/kit';
import { bearer, post, startRouter, toyPlatform, type RunningRouter, type ToyPlatform } from './fixtures/toy-platform';

/** A logout written to Redis by identity is refused by the router at once, over HTTP and WebSocket. */
describe('router with the Redis revocation list', () => {
  let redis: Redis;
  let platform: ToyPlatform;
  let running: RunningRouter;
  let revocations: RedisRevocationList;

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL!);
    revocations = new RedisRevocationList(redis, `test:${randomUUID()}:`);
    platform = await toyPlatform();
    running = await startRouter(platform, 'local', { revocations });
  });
  afterAll(async () => {
    await running.close();
    redis.disconnect();
  });

  it('refuses a session revoked in Redis', async () => {
    const session = randomUUID();
    const token = platform.token('1', session);
    expect((await post(running.url, { query: '{ notes { id } }' }, bearer(token))).status).toBe(200);

    await revocations.revoke(session, 60);

    const { status, body } = await post(running.url, { query: '{ notes { id } }' }, bearer(token));
    expect(status).toBe(401);
    expect(body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    let client: ReturnType<typeof createClient> | undefined;
    const code = await new Promise<number>((resolve) => {
      client = createClient({
        url: running.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { token },
        lazy: false,
        retryAttempts: 0,
        onNonLazyError: () => {},
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
    });
    await client?.dispose();
    expect(code).toBe(4403);
  });
});
