import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createLogger, createPubSub, serveSubgraph, type KitPubSub, type Served } from '@platform/kit';
import { NOTIFICATION_RECEIVED } from '@platform/activity';
import { ActivityClient, callers, nextEvent, RECEIVED, SEND } from './support/harness';

const { admin, alice } = callers;

let pubSub: KitPubSub;
let activity: ActivityClient;
let served: Served;
const clients: Client[] = [];

beforeEach(async () => {
  pubSub = createPubSub();
  activity = await ActivityClient.start({}, { pubSub });
  served = await serveSubgraph(activity.runtime, { port: 0, production: true, logger: createLogger({ name: 'test', level: 'silent' }) });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose())));
  await served.close();
  await activity.close();
  await pubSub.close();
});

function wsClient(authorization?: string): Client {
  const client = createClient({
    url: served.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

async function post<T>(query: string, variables: Record<string, unknown>, authorization: string): Promise<FormattedExecutionResult<T>> {
  const response = await fetch(served.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as FormattedExecutionResult<T>;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('condition never held');
}

test('over graphql-ws, a notification sent over HTTP reaches its recipient', async () => {
  const events = wsClient(activity.headers(alice).authorization).iterate({ query: RECEIVED });
  const pending = nextEvent(events);
  await until(() => pubSub.listenerCount(NOTIFICATION_RECEIVED, alice.userId) === 1);

  const sent = await post<{ sendNotification: { id: string } }>(SEND, { input: { recipientId: alice.userId, title: 'Hello', body: 'b' } }, activity.headers(admin).authorization);
  expect(sent.errors).toBeUndefined();

  expect((await pending).data).toMatchObject({
    notificationReceived: { id: sent.data?.sendNotification.id, title: 'Hello', recipient: { id: alice.userId } },
  });
  await events.return?.();
  await until(() => pubSub.listenerCount(NOTIFICATION_RECEIVED, alice.userId) === 0);
});

test('over graphql-ws, an anonymous subscription is refused', async () => {
  const events = wsClient().iterate({ query: RECEIVED });
  const first = await events.next();
  expect(first.value).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })] });
  expect((await events.next()).done).toBe(true);
});
