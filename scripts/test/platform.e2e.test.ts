import { PLATFORM_START_MS } from '@platform/testkit';
import { startPlatform, type Platform } from '../src/embedded';
import { collect, gql, login, RECEIVED, SEND, wsClient } from './support';

// The embedded platform as `npm start` assembles it, on real ports, through the public surfaces.
describe('embedded platform', () => {
  let platform: Platform;
  let routerUrl: string;
  let adapterUrl: string;

  beforeAll(async () => {
    platform = await startPlatform({
      env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: ':memory:', ROUTER_PORT: '0', ADAPTER_PORT: '0' },
    });
    ({ routerUrl, adapterUrl } = await platform.listen());
  }, PLATFORM_START_MS);
  afterAll(() => platform.close());

  it('answers on the router and the adapter', async () => {
    expect((await fetch(`${routerUrl}/health`)).status).toBe(200);
    expect((await fetch(`${routerUrl}/ready`)).status).toBe(200);
    const health = await fetch(`${adapterUrl}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('delivers notificationReceived live with recipient { username } filled in from identity', async () => {
    const admin = await login(routerUrl, 'admin', 'Admin123456');
    const recipient = await login(routerUrl, 'tenantadmin', 'admin123');
    const recipientWs = wsClient(routerUrl, recipient.token);
    const bystanderWs = wsClient(routerUrl, admin.token);
    const mine = collect<{ notificationReceived: Record<string, any> }>(recipientWs, RECEIVED);
    const others = collect<{ notificationReceived: Record<string, any> }>(bystanderWs, RECEIVED);
    try {
      await new Promise((r) => setTimeout(r, 200)); // both subscriptions established upstream
      const sentAt = Date.now();
      const sent = await gql(
        routerUrl,
        SEND,
        { i: { recipientId: recipient.id, title: 'Repayment received', body: 'Case C-1 paid 500.00', category: 'repayment' } },
        admin.token,
      );
      expect(sent.errors).toBeUndefined();
      const event = await mine.next(1000);
      expect(Date.now() - sentAt).toBeLessThan(1000);
      expect(event.notificationReceived).toEqual({
        title: 'Repayment received',
        body: 'Case C-1 paid 500.00',
        category: 'repayment',
        recipient: { id: recipient.id, username: 'tenantadmin' },
      });
      // A subscriber never receives another user's notification.
      await expect(others.next(300)).rejects.toThrow(/no event/);
    } finally {
      mine.dispose();
      others.dispose();
      await recipientWs.dispose();
      await bystanderWs.dispose();
    }
  });

  it('refuses a subscription without a valid token with the protocol close code', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const client = wsClient(routerUrl, token);
      const sub = collect(client, RECEIVED);
      await new Promise((r) => setTimeout(r, 300));
      expect((sub.failure as { code?: number } | undefined)?.code).toBe(4403);
      await client.dispose();
    }
  });
});
