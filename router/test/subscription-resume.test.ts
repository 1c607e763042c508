import type { Socket } from 'node:net';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import {
  authenticate,
  createTokenSigner,
  Loaders,
  MemoryRevocationList,
  Secret,
  serveSubgraph,
  type RequestContext,
  type Served,
  type SubgraphRuntime,
} from '@platform/kit';
import { composeSupergraph, until } from '@platform/testkit';
import { createRouter, type Router } from '../src';
import { buildTicksSchema, TICK_CATCH_UP_LIMIT, TickLog } from './fixtures/ticks.subgraph';
import { bearer, logger } from './fixtures/toy-platform';

type TickEvent = { data?: { tick?: { n: number } } | null; errors?: unknown };

/**
 * Resumable subscriptions (a root field with `after: ID` whose payload has an id): the router subscribes again after
 * the last event it delivered when the subgraph's connection is lost, and when a catch-up completes at its limit, so
 * the subscriber sees every event once, in order, without an error or a completion.
 */
describe('resumable subscriptions through the router (remote subgraph)', () => {
  const log = new TickLog();
  const signer = createTokenSigner(new Secret('router-test-secret-router-test-secret-0123'));
  const revocations = new MemoryRevocationList();
  let runtime: SubgraphRuntime;
  let served: Served;
  /** The subgraph's sockets, so a kill drops them as a dying process would (no close frame). */
  const sockets = new Set<Socket>();
  let port: number;
  let router: Router;
  let base: string;
  let token: string;
  const clients: Client[] = [];

  const serve = async (at: number) => {
    served = await serveSubgraph(runtime, { port: at, production: false, logger });
    served.app.server.on('upgrade', (_request, socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
  };

  beforeAll(async () => {
    const built = await buildTicksSchema(log);
    runtime = {
      name: 'ticks',
      schema: built.schema,
      sdl: built.sdl,
      createContext: async (headers): Promise<RequestContext> => ({
        requestId: 'r',
        caller: await authenticate(signer, revocations, headers['authorization']),
        em: undefined as never,
        loaders: new Loaders(),
      }),
      health: async () => ({ self: 'healthy' }),
      close: async () => {},
    };
    await serve(0);
    port = Number(new URL(served.url).port);
    router = await createRouter({
      supergraphSdl: composeSupergraph([runtime]),
      subgraphs: { ticks: { kind: 'remote', url: served.url } },
      signer,
      revocations,
      production: false,
      logger,
    });
    base = await router.listen(0);
    token = signer.signAccess(
      { userId: '1', username: 'ann', tenantId: 't1', roles: ['member'], permissions: [], scope: 'own', sessionId: 's-1' },
      600,
    );
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose())));
    await until(() => log.liveSubscribers === 0);
    log.subscribedAfter.length = 0;
  });
  afterAll(async () => {
    await router.close();
    await served.close();
  });

  const collect = (events: TickEvent[]) => ({
    next: (event: TickEvent) => events.push(event),
    error: (error: unknown) => events.push({ errors: error }),
    complete: () => events.push({ errors: 'completed' }),
  });
  const numbers = (events: TickEvent[]) => events.map((e) => e.data?.tick?.n ?? JSON.stringify(e));
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('resumes after the last event delivered when the subgraph dies and comes back: each event once, in order, no error', async () => {
    const first = log.ticks.length + 1;
    const client = createClient({ url: `${base.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: bearer(token), retryAttempts: 0 });
    clients.push(client);
    const events: TickEvent[] = [];
    // The client does not select the id: the router asks for it by itself.
    client.subscribe({ query: 'subscription { tick { n } }' }, collect(events));
    await until(() => log.liveSubscribers === 1);
    for (let i = 0; i < 5; i++) log.publish();
    await until(() => events.length === 5);

    // Killed: its sockets drop without a close frame; ticks stored meanwhile reach no one live.
    for (const socket of sockets) socket.destroy();
    await served.close();
    for (let i = 0; i < 5; i++) log.publish();
    await serve(port);
    await until(() => log.liveSubscribers === 1, 5_000);
    for (let i = 0; i < 5; i++) log.publish();

    await until(() => events.length >= 15, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 200)); // repeats would arrive right behind
    expect(numbers(events)).toEqual(range(first, first + 14));
    // Live at first (no `after` from the client), then after the last tick delivered before the kill.
    expect(log.subscribedAfter).toEqual([null, String(first + 4)]);
  });

  it('subscribes again after the last event when a catch-up completes at its limit (over SSE), keeping the client\'s own `after` for the first', async () => {
    const start = log.ticks.length;
    const backlog = TICK_CATCH_UP_LIMIT * 2 + 50;
    for (let i = 0; i < backlog; i++) log.publish();
    const client = createSseClient({ url: `${base}/graphql/stream`, headers: bearer(token), retryAttempts: 0 });
    clients.push(client as unknown as Client);
    const events: TickEvent[] = [];
    client.subscribe({ query: 'subscription($from: ID) { tick(after: $from) { n } }', variables: { from: String(start) } }, collect(events));

    await until(() => events.length >= backlog, 10_000);
    await until(() => log.liveSubscribers === 1);
    log.publish();
    await until(() => events.length >= backlog + 1);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(numbers(events)).toEqual(range(start + 1, start + backlog + 1));
    expect(log.subscribedAfter).toEqual([
      String(start),
      String(start + TICK_CATCH_UP_LIMIT),
      String(start + 2 * TICK_CATCH_UP_LIMIT),
    ]);
  });
});

describe('resumable subscriptions through the router (embedded subgraph)', () => {
  const log = new TickLog();
  const signer = createTokenSigner(new Secret('router-test-secret-router-test-secret-0123'));
  const revocations = new MemoryRevocationList();
  let router: Router;
  let client: Client;

  beforeAll(async () => {
    const built = await buildTicksSchema(log);
    const runtime: SubgraphRuntime = {
      name: 'ticks',
      schema: built.schema,
      sdl: built.sdl,
      createContext: async (headers): Promise<RequestContext> => ({
        requestId: 'r',
        caller: await authenticate(signer, revocations, headers['authorization']),
        em: undefined as never,
        loaders: new Loaders(),
      }),
      health: async () => ({ self: 'healthy' }),
      close: async () => {},
    };
    router = await createRouter({
      supergraphSdl: composeSupergraph([runtime]),
      subgraphs: { ticks: { kind: 'local', runtime } },
      signer,
      revocations,
      production: false,
      logger,
    });
    const base = await router.listen(0);
    const token = signer.signAccess(
      { userId: '1', username: 'ann', tenantId: 't1', roles: ['member'], permissions: [], scope: 'own', sessionId: 's-1' },
      600,
    );
    client = createClient({ url: `${base.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: bearer(token), retryAttempts: 0 });
  });
  afterAll(async () => {
    await client.dispose();
    await router.close();
  });

  it('resumes a catch-up that completes at its limit, the client\'s `after` given as a literal', async () => {
    const backlog = TICK_CATCH_UP_LIMIT + 20;
    for (let i = 0; i < backlog; i++) log.publish();
    const events: { data?: { tick?: { id: string; n: number } } | null; errors?: unknown }[] = [];
    client.subscribe(
      { query: 'subscription { tick(after: "10") { id n } }' },
      { next: (e) => events.push(e as never), error: (e) => events.push({ errors: e }), complete: () => events.push({ errors: 'completed' }) },
    );
    await until(() => events.length >= backlog - 10 && log.liveSubscribers === 1, 10_000);
    log.publish();
    await until(() => events.length >= backlog - 9);
    await new Promise((resolve) => setTimeout(resolve, 200));

    // The client's own selection of the id is answered as usual.
    expect(events.map((e) => e.data?.tick?.n ?? JSON.stringify(e))).toEqual(Array.from({ length: backlog - 9 }, (_, i) => 11 + i));
    expect(events.every((e) => e.data?.tick?.id === String(e.data?.tick?.n))).toBe(true);
    expect(log.subscribedAfter).toEqual(['10', String(10 + TICK_CATCH_UP_LIMIT)]);
  });
});
