import type { AddressInfo } from 'node:net';
import type { FetchNode } from '@apollo/query-planner';
import { OperationTypeNode } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { RemoteUpstreams } from '../src/subscriptions/remote-upstream';
import { CallCounter } from './fixtures/call-counter';
import { buildNotesSchema, NOTE_ADDED } from './fixtures/notes.subgraph';
import { logger, toyPlatform } from './fixtures/toy-platform';
import { until } from './fixtures/until';
import { ToyPubSub } from './fixtures/toy-pubsub';

const fetchNode = {
  kind: 'Fetch',
  serviceName: 'notes',
  operation: 'subscription { noteAdded { text } }',
  operationName: undefined,
  operationKind: OperationTypeNode.SUBSCRIPTION,
} satisfies FetchNode;

describe('RemoteUpstreams', () => {
  const pubSub = new ToyPubSub();
  let wss: WebSocketServer;
  let url: string;
  let connections = 0;
  /** The caller each operation named, in its extensions. */
  const operationCallers: string[] = [];
  let tokens: { ann: string; bob: string };

  beforeAll(async () => {
    const platform = await toyPlatform();
    const { schema } = await buildNotesSchema(new CallCounter(), pubSub);
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    useServer(
      {
        schema,
        onConnect: () => {
          connections += 1;
        },
        onSubscribe: (_ctx, _id, payload) => {
          operationCallers.push(String(payload.extensions?.authorization));
        },
        // As the kit's subgraph server: the caller of each operation from its extensions.
        context: (_ctx, _id, payload) =>
          platform.runtimes.notes.createContext({ authorization: payload.extensions?.authorization as string }),
      },
      wss,
    );
    await new Promise((resolve) => wss.once('listening', resolve));
    url = `http://127.0.0.1:${(wss.address() as AddressInfo).port}/`;
    tokens = { ann: `Bearer ${platform.token('1')}`, bob: `Bearer ${platform.token('2')}` };
  });
  afterAll(() => new Promise((resolve) => wss.close(resolve)));

  const sink = () => ({ events: [] as unknown[], next(e: unknown) { this.events.push(e); }, complete: jest.fn() });

  it('carries every caller\'s subscriptions on one socket per subgraph, each naming its caller, and closes it with the last', async () => {
    const upstreams = new RemoteUpstreams(logger);
    const upstream = upstreams.forUrl(url);
    const open = (authorization: string) =>
      upstream.open(fetchNode, () => ({}), { authorization, 'x-request-id': 'r' }, sink());

    const closers = [await open(tokens.ann), await open(tokens.ann), await open(tokens.bob)];
    await until(() => pubSub.subscriberCount(NOTE_ADDED) === 3);
    expect(connections).toBe(1);
    expect(wss.clients.size).toBe(1);
    expect(upstreams.connections).toBe(1);
    expect(operationCallers).toEqual([tokens.ann, tokens.ann, tokens.bob]);

    closers.forEach((close) => close());
    await until(() => pubSub.subscriberCount(NOTE_ADDED) === 0 && wss.clients.size === 0);
    await upstreams.close();
  });

  it('delivers upstream events to the sink', async () => {
    const upstreams = new RemoteUpstreams(logger);
    const received = sink();
    const close = await upstreams.forUrl(url).open(fetchNode, () => ({}), { authorization: tokens.ann, 'x-request-id': 'r' }, received);
    await until(() => pubSub.subscriberCount(NOTE_ADDED) === 1);
    pubSub.publish(NOTE_ADDED, { id: 'n9', text: 'hi', author: { id: '1' } });
    await until(() => received.events.length === 1);
    expect(received.events).toEqual([{ data: { noteAdded: { text: 'hi' } } }]);
    close();
    await upstreams.close();
    await until(() => wss.clients.size === 0);
  });
});
