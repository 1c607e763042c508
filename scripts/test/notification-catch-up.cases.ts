import { createClient as createSseClient } from 'graphql-sse';
import { PLATFORM_START_MS } from '@platform/testkit';
import { startPlatform, type Platform } from '../src/embedded';
import { collect, gql, login, nextMatching, SEND, untilLive, wsClient } from './support';

type Received = { notificationReceived: { id: string; title: string; recipient: { username: string } } };

const received = (after?: string) =>
  `subscription { notificationReceived${after ? `(after: "${after}")` : ''} { id title recipient { username } } }`;

/**
 * A subscriber that disconnects, misses N notices and comes back with the id of the last one it received gets every
 * one it missed once, in order, then the live ones — through the router over graphql-ws, the recipient's fields
 * resolved from identity. `env` picks the storage (SQLite, or MariaDB + Redis).
 */
export function catchUpCases(env: () => NodeJS.ProcessEnv, cleanUp: () => Promise<void> = async () => undefined): void {
  let platform: Platform;
  let url: string;

  beforeAll(async () => {
    platform = await startPlatform({ env: env() });
    url = (await platform.listen()).routerUrl;
  }, PLATFORM_START_MS);
  // Closing a whole platform (consumers finishing, databases dropped) can take longer than a test step on a busy machine.
  afterAll(async () => {
    await platform?.close();
    await cleanUp();
  }, PLATFORM_START_MS);

  const sender = async () => {
    const admin = await login(url, 'admin', 'Admin123456');
    const recipient = await login(url, 'tenantadmin', 'admin123');
    const send = async (title: string) => {
      const sent = await gql<{ sendNotification: { id: string } }>(url, SEND, { i: { recipientId: recipient.id, title, body: 'b' } }, admin.token);
      if (!sent.data) throw new Error(JSON.stringify(sent.errors));
      return sent.data.sendNotification.id;
    };
    return { recipient, send };
  };

  it('a subscriber coming back with a cursor gets every missed notice once, in order, then live ones', async () => {
    const { recipient, send } = await sender();

    const firstClient = wsClient(url, recipient.token);
    const first = collect<Received>(firstClient, received());
    await untilLive(first, () => send('probe'));
    const lastSeen = await send('seen before the disconnect');
    expect((await nextMatching(first, (e) => e.notificationReceived.title !== 'probe')).notificationReceived.id).toBe(lastSeen);
    first.dispose();
    await firstClient.dispose();

    const missed: string[] = [];
    for (let i = 1; i <= 8; i++) missed.push(await send(`missed ${i}`));

    const client = wsClient(url, recipient.token);
    const back = collect<Received>(client, received(lastSeen));
    try {
      const got: Received['notificationReceived'][] = [];
      for (const _ of missed) got.push((await back.next(5000)).notificationReceived);
      expect(got.map((n) => n.id)).toEqual(missed);
      expect(got.map((n) => n.title)).toEqual(missed.map((_, i) => `missed ${i + 1}`));
      expect(got.every((n) => n.recipient.username === 'tenantadmin')).toBe(true);

      const live = await send('live after the catch-up');
      expect((await back.next(5000)).notificationReceived).toMatchObject({ id: live, title: 'live after the catch-up' });
      expect(back.events).toEqual([]);
      expect(back.failure).toBeUndefined();
    } finally {
      back.dispose();
      await client.dispose();
    }
  });

  it('the same catch-up over SSE (/graphql/stream)', async () => {
    const { recipient, send } = await sender();
    const lastSeen = await send('seen');
    const missed = [await send('sse missed 1'), await send('sse missed 2'), await send('sse missed 3')];
    const client = createSseClient({ url: `${url}/graphql/stream`, headers: { authorization: `Bearer ${recipient.token}` }, retryAttempts: 0 });
    const events = client.iterate<Received>({ query: received(lastSeen) });
    try {
      const got: string[] = [];
      for (const _ of missed) got.push(String((await events.next()).value?.data?.notificationReceived.id));
      expect(got).toEqual(missed);
      const pending = events.next();
      const live = await send('sse live');
      expect((await pending).value?.data?.notificationReceived).toMatchObject({ id: live, title: 'sse live' });
    } finally {
      await events.return?.();
      client.dispose();
    }
  });
}
