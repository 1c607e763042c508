import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { NOTE_ADDED } from './fixtures/notes.subgraph';
import { bearer, post, startRouter, toyPlatform, type RunningRouter, type ToyPlatform, type UpstreamKind } from './fixtures/toy-platform';
import { until } from '@platform/testkit';

const NOTE_ADDED_QUERY = 'subscription { noteAdded { text author { id username } } }';

describe.each<UpstreamKind>(['local', 'remote'])('subscriptions through the router (%s subgraphs)', (kind) => {
  let platform: ToyPlatform;
  let running: RunningRouter;
  const clients: Client[] = [];

  beforeAll(async () => {
    platform = await toyPlatform();
    running = await startRouter(platform, kind);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose())));
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 0);
  });
  afterAll(() => running.close(), 30_000);

  const connect = (connectionParams: Record<string, unknown>) => {
    const client = createClient({ url: running.wsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
    clients.push(client);
    return client;
  };

  it('delivers an event with fields resolved from another subgraph', async () => {
    const client = connect({ authorization: `Bearer ${platform.token('1')}` });
    const events = client.iterate({ query: NOTE_ADDED_QUERY });
    const first = events.next();
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 1);

    await post(running.url, { query: 'mutation { addNote(text: "live") { id } }' }, bearer(platform.token('2')));
    const { value } = await first;

    expect(value).toEqual({ data: { noteAdded: { text: 'live', author: { id: '2', username: 'bob' } } } });
    await events.return?.();
  });

  it('keeps aliases and fragments of the subscriber', async () => {
    const client = connect({ authorization: `Bearer ${platform.token('1')}` });
    const query = 'subscription { n: noteAdded { ...N } } fragment N on Note { body: text author { name: username } }';
    const events = client.iterate({ query });
    const first = events.next();
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 1);
    platform.pubSub.publish(NOTE_ADDED, { id: 'x', text: 'aliased', author: { id: '1' } });
    expect((await first).value).toEqual({ data: { n: { body: 'aliased', author: { name: 'ann' } } } });
    await events.return?.();
  });

  it('accepts the token as connectionParams.token too', async () => {
    const client = connect({ token: platform.token('1') });
    const events = client.iterate({ query: 'subscription { noteAdded { text } }' });
    const first = events.next();
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 1);
    platform.pubSub.publish(NOTE_ADDED, { id: 'x', text: 'direct', author: { id: '1' } });
    expect((await first).value).toEqual({ data: { noteAdded: { text: 'direct' } } });
    await events.return?.();
  });

  it.each([
    ['no token', {}],
    ['an invalid token', { authorization: 'Bearer nope' }],
  ])('closes a connection with %s with 4403 Forbidden', async (_what, params) => {
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: running.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: params,
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => {}, // the close is what this test asserts
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      clients.push(client);
    });
    expect(await closed).toBe(4403);
  });

  it('closes the upstream subscription when the client returns the iterator mid-wait', async () => {
    const client = connect({ authorization: `Bearer ${platform.token('1')}` });
    const events = client.iterate({ query: NOTE_ADDED_QUERY });
    const pending = events.next();
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 1);

    await events.return?.();

    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 0);
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it('closes every upstream subscription when the client disconnects', async () => {
    const client = connect({ authorization: `Bearer ${platform.token('1')}` });
    const a = client.iterate({ query: NOTE_ADDED_QUERY });
    const b = client.iterate({ query: 'subscription { noteAdded { text } }' });
    void a.next();
    void b.next();
    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 2);

    await client.dispose();

    await until(() => platform.pubSub.subscriberCount(NOTE_ADDED) === 0);
  });

  it('refuses an operation that does not validate against the API schema', async () => {
    const client = connect({ authorization: `Bearer ${platform.token('1')}` });
    const events = client.iterate({ query: 'subscription { noteAdded { nope } }' });
    await expect(events.next()).rejects.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
    expect(platform.pubSub.subscriberCount(NOTE_ADDED)).toBe(0);
  });

  it('answers queries sent over the socket too', async () => {
    const client = connect({ authorization: `Bearer ${platform.token('2')}` });
    const result = await client.iterate({ query: '{ me { username } }' }).next();
    expect(result.value).toEqual({ data: { me: { username: 'bob' } } });
  });
});
