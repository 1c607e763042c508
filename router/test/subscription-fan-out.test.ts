import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { until } from '@platform/testkit';
import { NOTE_ADDED } from './fixtures/notes.subgraph';
import { bearer, startRouter, toyPlatform, type RunningRouter, type ToyPlatform, type UpstreamKind } from './fixtures/toy-platform';

const SUBSCRIBERS = 200;
/** `greeting` is not declared claim-scoped (it names the caller), so the author's fetch is per caller. */
const QUERY = 'subscription { noteAdded { text author { id username greeting } } }';

/**
 * Many subscribers cost the subgraphs little: one upstream connection per subgraph whatever their number (remote),
 * and one event's entity fetches (the author, from users) batched per caller instead of one per subscriber.
 * (Sharing across callers with the same claims: subscription-claim-sharing.test.ts.)
 */
describe.each<UpstreamKind>(['local', 'remote'])('%d subscribers (%s subgraphs)'.replace('%d', String(SUBSCRIBERS)), (kind) => {
  let platform: ToyPlatform;
  let running: RunningRouter;
  const clients: Client[] = [];
  let upstreamSockets = 0;

  beforeAll(async () => {
    platform = await toyPlatform();
    running = await startRouter(platform, kind);
    for (const served of running.served) served.app.server.on('upgrade', () => (upstreamSockets += 1));
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => Promise.resolve(client.dispose())));
    await running.close();
  });

  it('shares the upstream connection and the entity fetches, and delivers the notice to each once', async () => {
    // Two callers, half the subscribers each, every subscriber on its own client socket.
    const tokens = [platform.token('1'), platform.token('2')];
    const received: unknown[][] = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const client = createClient({ url: running.wsUrl, webSocketImpl: WebSocket, connectionParams: bearer(tokens[i % 2]), retryAttempts: 0 });
      clients.push(client);
      const events: unknown[] = [];
      received.push(events);
      client.subscribe({ query: QUERY }, { next: (e) => events.push(e), error: (e) => events.push({ failed: e }), complete: () => undefined });
    }
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === SUBSCRIBERS, 30_000);
    expect(upstreamSockets).toBe(kind === 'remote' ? 1 : 0);

    const contextsBefore = platform.seenHeaders.length;
    const usersBefore = platform.calls.count('users');
    platform.pubSub.publish(NOTE_ADDED, { id: 'n-fan', text: 'to everyone', author: { id: '2' } });
    await until(() => received.every((events) => events.length >= 1), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 200)); // a duplicate would arrive by now

    const expected = (i: number) => ({
      data: { noteAdded: { text: 'to everyone', author: { id: '2', username: 'bob', greeting: `${i % 2 ? 'bob' : 'ann'} sees bob` } } },
    });
    expect(received.filter((events, i) => events.length !== 1 || JSON.stringify(events[0]) !== JSON.stringify(expected(i)))).toEqual([]);
    // One entity request per caller when the batch window holds them all; a loaded machine may split a few.
    const entityRequests = platform.seenHeaders.length - contextsBefore;
    expect(entityRequests).toBeGreaterThanOrEqual(2);
    expect(entityRequests).toBeLessThanOrEqual(10);
    expect(platform.calls.count('users') - usersBefore).toBe(entityRequests);
    expect(upstreamSockets).toBe(kind === 'remote' ? 1 : 0);
  }, 60_000);
});
