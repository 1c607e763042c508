import { randomBytes } from 'node:crypto';
import { dropDatabases, PLATFORM_START_MS, uniqueDatabaseUrl } from '@platform/testkit';
import { startPlatform, type Platform } from '../src/embedded';
import { collect, gql, login, nextMatching, RECEIVED, SEND, untilLive, wsClient } from './support';
import type { UntypedJson } from '@platform/testkit';

// Two platform instances on one MariaDB and one Redis, as two replicas behind a load balancer would run:
// a notification sent through instance A reaches a subscriber connected to instance B's router.
describe('two instances on MariaDB + Redis', () => {
  const databaseUrl = uniqueDatabaseUrl('platform_int');
  // Both instances share one event namespace, apart from other runs on this Redis.
  const prefix = `test:${randomBytes(4).toString('hex')}:`;
  const env = (): NodeJS.ProcessEnv => ({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL,
    EVENT_BUS_PREFIX: prefix,
    ROUTER_PORT: '0',
    ADAPTER_PORT: '0',
  });
  let a: Platform;
  let b: Platform;
  let urlA: string;
  let urlB: string;

  beforeAll(async () => {
    a = await startPlatform({ env: env() }); // migrates and seeds first
    b = await startPlatform({ env: env() });
    urlA = (await a.listen()).routerUrl;
    urlB = (await b.listen()).routerUrl;
  }, PLATFORM_START_MS);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await dropDatabases(databaseUrl);
  });

  it('delivers a notification sent through A to a subscriber on B', async () => {
    const admin = await login(urlA, 'admin', 'Admin123456');
    const recipient = await login(urlB, 'tenantadmin', 'admin123');
    const client = wsClient(urlB, recipient.token);
    const events = collect<{ notificationReceived: Record<string, UntypedJson> }>(client, RECEIVED);
    try {
      // The Redis subscription is live once a probe sent through A arrives on B.
      await untilLive(events, () =>
        gql(urlA, SEND, { i: { recipientId: recipient.id, title: 'probe', body: 'is the subscription live?' } }, admin.token),
      );
      const sent = await gql(urlA, SEND, { i: { recipientId: recipient.id, title: 'Hello', body: 'from A' } }, admin.token);
      expect(sent.errors).toBeUndefined();
      const event = await nextMatching(events, (e) => e.notificationReceived.title !== 'probe');
      expect(event.notificationReceived).toMatchObject({
        title: 'Hello',
        body: 'from A',
        recipient: { id: recipient.id, username: 'tenantadmin' },
      });
    } finally {
      events.dispose();
      await client.dispose();
    }
  });

  it('refuses on B a session that signed out on A', async () => {
    const session = await login(urlA, 'admin', 'Admin123456');
    expect((await gql(urlB, '{ me { username } }', {}, session.token)).data).toEqual({ me: { username: 'admin' } });
    expect((await gql(urlA, 'mutation { logout }', {}, session.token)).data).toEqual({ logout: true });
    const after = await gql(urlB, '{ me { username } }', {}, session.token);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
