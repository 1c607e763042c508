import { createClient as createSseClient, type Client as SseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { composeSupergraph, until } from '@platform/testkit';
import { NOTE_ADDED } from './fixtures/notes.subgraph';
import { bearer, post, startRouter, toyPlatform, type RunningRouter, type ToyPlatform, type UpstreamKind } from './fixtures/toy-platform';

const QUERY = 'subscription { noteAdded { text author { id username } } }';
const USER_FIELDS = '{ __type(name: "User") { fields { name } } }';

type Collected = { events: unknown[]; completed: boolean; failure?: unknown };

/** A subscription over `subscribe`, recording every frame: events, an error, the completion. */
function record(subscribe: (sink: { next(v: unknown): void; error(e: unknown): void; complete(): void }) => () => void) {
  const collected: Collected = { events: [], completed: false };
  const dispose = subscribe({
    next: (value) => collected.events.push(value),
    error: (error) => {
      collected.failure = error;
    },
    complete: () => {
      collected.completed = true;
    },
  });
  return { collected, dispose };
}

/**
 * Router.updateSupergraph swaps the supergraph while the router runs (SIGHUP in the separate process): new
 * operations see the new schema, and subscriptions open over graphql-ws and SSE keep receiving, without a close,
 * an error frame or a completion.
 */
describe.each<UpstreamKind>(['local', 'remote'])('a supergraph reload (%s subgraphs)', (kind) => {
  let platform: ToyPlatform;
  let running: RunningRouter;
  let ws: WsClient;
  let sse: SseClient;

  beforeAll(async () => {
    platform = await toyPlatform();
    running = await startRouter(platform, kind);
  });
  afterAll(async () => {
    await ws?.dispose();
    sse?.dispose();
    await running.close();
  });

  const publish = (text: string) => platform.pubSub.publish(NOTE_ADDED, { id: text, text, author: { id: '2' } });
  const fields = async () =>
    ((await post(running.url, { query: USER_FIELDS })).body.data as { __type: { fields: { name: string }[] } }).__type.fields.map((f) => f.name);

  it('keeps open subscriptions delivering over graphql-ws and SSE while the new supergraph serves', async () => {
    const token = platform.token('1');
    ws = createWsClient({ url: running.wsUrl, webSocketImpl: WebSocket, connectionParams: bearer(token), retryAttempts: 0 });
    sse = createSseClient({ url: `${running.url}/stream`, headers: bearer(token), retryAttempts: 0 });
    let socketClosed = false;
    ws.on('closed', () => {
      socketClosed = true;
    });
    const overWs = record((sink) => ws.subscribe({ query: QUERY }, sink));
    const overSse = record((sink) => sse.subscribe({ query: QUERY }, sink));
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 2);
    publish('before');
    await until(() => overWs.collected.events.length === 1 && overSse.collected.events.length === 1);
    expect(await fields()).not.toContain('nickname');

    const { users, notes } = platform.runtimes;
    const grown = { ...users, sdl: users.sdl.replace(/username: String!/, 'username: String!\n  nickname: String') };
    expect(grown.sdl).not.toBe(users.sdl);
    running.router.updateSupergraph(composeSupergraph([grown, notes]));
    expect(await fields()).toContain('nickname');

    publish('after');
    await until(() => overWs.collected.events.length === 2 && overSse.collected.events.length === 2);
    const expected = (text: string) => ({ data: { noteAdded: { text, author: { id: '2', username: 'bob' } } } });
    for (const { collected } of [overWs, overSse]) {
      expect(collected).toEqual({ events: [expected('before'), expected('after')], completed: false });
    }
    expect(socketClosed).toBe(false);
    expect(platform.pubSub.subscriberCount(NOTE_ADDED)).toBe(2);

    // A subscription opened after the reload is planned on the new supergraph.
    const fresh = record((sink) => ws.subscribe({ query: QUERY }, sink));
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 3);
    publish('fresh');
    await until(() => fresh.collected.events.length === 1);
    expect(fresh.collected.events).toEqual([expected('fresh')]);
    [overWs, overSse, fresh].forEach((s) => s.dispose());
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 0);
  });

  it('refuses a supergraph naming a subgraph it has no connection for, and keeps serving the current one', async () => {
    const { users, notes } = platform.runtimes;
    const extra = { ...notes, name: 'ghost', sdl: 'type Query { ghost: String }' };
    expect(() => running.router.updateSupergraph(composeSupergraph([users, notes, extra]))).toThrow('subgraph "ghost"');
    expect((await post(running.url, { query: '{ notes { text } }' })).status).toBe(200);
  });
});
