import { PLATFORM_START_MS } from '@platform/testkit';
import { startPlatform, type Platform } from '../src/embedded';
import { collect, gql, login, nextMatching, RECEIVED, SEND, untilLive, waitFor, wsClient } from './support';
import type { UntypedJson } from '@platform/testkit';

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
    const mine = collect<{ notificationReceived: Record<string, UntypedJson> }>(recipientWs, RECEIVED);
    const others = collect<{ notificationReceived: Record<string, UntypedJson> }>(bystanderWs, RECEIVED);
    const probe = (to: string) => () =>
      gql(routerUrl, SEND, { i: { recipientId: to, title: 'probe', body: 'is the subscription live?' } }, admin.token);
    const isProbe = (event: { notificationReceived: Record<string, UntypedJson> }) => event.notificationReceived.title === 'probe';
    try {
      // Both subscriptions established upstream, known from an event each rather than assumed after a pause.
      await untilLive(mine, probe(recipient.id));
      await untilLive(others, probe(admin.id));
      const sent = await gql(
        routerUrl,
        SEND,
        { i: { recipientId: recipient.id, title: 'Repayment received', body: 'Case C-1 paid 500.00', category: 'repayment' } },
        admin.token,
      );
      expect(sent.errors).toBeUndefined();
      const event = await nextMatching(mine, (e) => !isProbe(e));
      expect(event.notificationReceived).toEqual({
        title: 'Repayment received',
        body: 'Case C-1 paid 500.00',
        category: 'repayment',
        recipient: { id: recipient.id, username: 'tenantadmin' },
      });
      // A subscriber never receives another user's notification: everything the bystander got up to a marker sent
      // after it is addressed to the bystander.
      await gql(routerUrl, SEND, { i: { recipientId: admin.id, title: 'marker', body: 'last' } }, admin.token);
      const bystanderSaw: string[] = [];
      await nextMatching(others, (e) => {
        bystanderSaw.push(e.notificationReceived.recipient.id);
        return e.notificationReceived.title === 'marker';
      });
      expect(new Set(bystanderSaw)).toEqual(new Set([admin.id]));
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
      await waitFor(() => sub.failure !== undefined);
      expect((sub.failure as { code?: number } | undefined)?.code).toBe(4403);
      await client.dispose();
    }
  });
});
