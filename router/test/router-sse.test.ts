import { createClient, NetworkError, type Client } from 'graphql-sse';
import { until } from '@platform/testkit';
import { NOTE_ADDED } from './fixtures/notes.subgraph';
import { bearer, post, startRouter, toyPlatform, type RunningRouter, type ToyPlatform, type UpstreamKind } from './fixtures/toy-platform';

const NOTE_ADDED_QUERY = 'subscription { noteAdded { text author { id username } } }';

/** GraphQL over SSE (graphql-sse, distinct connections) at /graphql/stream: the same bridge, checks and sessions as graphql-ws. */
describe.each<UpstreamKind>(['local', 'remote'])('subscriptions over SSE (%s subgraphs)', (kind) => {
  let platform: ToyPlatform;
  let running: RunningRouter;
  let streamUrl: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    platform = await toyPlatform();
    running = await startRouter(platform, kind, { limits: { depth: 3 } });
    streamUrl = `${running.url}/stream`;
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.dispose());
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 0);
  });
  // Closing drains the streams' connections: seconds on a loaded 2-core machine.
  afterAll(() => running.close(), 30_000);

  const connect = (token?: string) => {
    const client = createClient({ url: streamUrl, headers: token ? bearer(token) : {}, retryAttempts: 0 });
    clients.push(client);
    return client;
  };

  it('delivers an event with fields resolved from another subgraph', async () => {
    const events = connect(platform.token('1')).iterate({ query: NOTE_ADDED_QUERY });
    const first = events.next();
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 1);

    await post(running.url, { query: 'mutation { addNote(text: "over sse") { id } }' }, bearer(platform.token('2')));

    expect((await first).value).toEqual({ data: { noteAdded: { text: 'over sse', author: { id: '2', username: 'bob' } } } });
    await events.return?.();
  });

  it('refuses a request without a token with 401 and UNAUTHENTICATED, before any event', async () => {
    const res = await fetch(streamUrl, {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify({ query: NOTE_ADDED_QUERY }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] });

    const events = connect('forged').iterate({ query: NOTE_ADDED_QUERY });
    await expect(events.next()).rejects.toMatchObject({ response: { status: 401 } });
    await expect(connect().iterate({ query: NOTE_ADDED_QUERY }).next()).rejects.toBeInstanceOf(NetworkError);
  });

  it("applies the router's limits (depth) and validation, as over HTTP and graphql-ws", async () => {
    const deep = 'subscription { noteAdded { author { notes { author { id } } } } }';
    const res = await fetch(streamUrl, {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json', ...bearer(platform.token('1')) },
      body: JSON.stringify({ query: deep }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: unknown[] }).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });

    const unknown = connect(platform.token('1')).iterate({ query: 'subscription { nope }' });
    await expect(unknown.next()).rejects.toMatchObject({ response: { status: 400 } });
  });

  it('ends the stream with an UNAUTHENTICATED error when the session is revoked, and releases the upstream', async () => {
    const session = `sse-logout-${kind}`;
    const events = connect(platform.token('1', session)).iterate({ query: 'subscription { noteAdded { text } }' });
    const first = events.next();
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 1);

    await platform.revocations.revoke(session, 60);

    expect((await first).value).toEqual({ errors: [expect.objectContaining({ message: 'Session revoked', extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] });
    expect(await events.next()).toEqual({ done: true, value: undefined });
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 0);
  });

  it('releases the upstream when the client goes away', async () => {
    const events = connect(platform.token('1')).iterate({ query: 'subscription { noteAdded { text } }' });
    void events.next().catch(() => undefined);
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 1);
    await events.return?.();
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 0);
  });
});
