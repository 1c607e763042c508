import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { RouterContext } from '../src/context';
import { ForwardingDataSource } from '../src/datasources/remote.data-source';

/** A subgraph that answers after `holdMs`, counting the requests it holds at once and the connections opened. */
function slowSubgraph(holdMs: number) {
  const seen = { inFlight: 0, maxInFlight: 0, connections: 0, answered: 0 };
  const server: Server = createServer((req, res) => {
    seen.inFlight += 1;
    seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
    req.resume();
    setTimeout(() => {
      seen.inFlight -= 1;
      seen.answered += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { ok: true } }));
    }, holdMs);
  });
  server.on('connection', () => (seen.connections += 1));
  return { server, seen };
}

test('requests to one subgraph beyond the bound wait in the router: in flight and connections stay bounded, all are answered', async () => {
  const { server, seen } = slowSubgraph(10);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const source = new ForwardingDataSource('slow', url, 5);
  try {
    const answers = await Promise.all(
      Array.from({ length: 150 }, () =>
        source.process({ kind: GraphQLDataSourceRequestKind.HEALTH_CHECK, request: { query: '{ ok }' }, context: {} }),
      ),
    );
    expect(answers.every((a) => (a.data as { ok?: boolean } | undefined)?.ok === true)).toBe(true);
    expect(seen.answered).toBe(150);
    expect(seen.maxInFlight).toBe(5);
    // A slot is handed on the moment an answer is read, a moment before its socket is back in fetch's pool, so a
    // few more sockets than slots open; what matters is that they do not grow with the number of requests.
    expect(seen.connections).toBeLessThanOrEqual(15);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a fetch that signed someone in (extensions.signedInToken): the operation’s later fetches go with that token', async () => {
  const authorizations: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    authorizations.push(req.headers.authorization);
    req.resume();
    res.setHeader('content-type', 'application/json');
    const signIn = authorizations.length === 1;
    res.end(JSON.stringify({ data: { ok: true }, ...(signIn ? { extensions: { signedInToken: 'issued.token' } } : {}) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const source = new ForwardingDataSource('identity', url);
  const fetch = (context: RouterContext) =>
    source.process({ kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION, request: { query: '{ ok }' }, context, incomingRequestContext: {} as never, document: undefined as never });
  try {
    const operation: RouterContext = { caller: null, headers: { 'x-request-id': 'r1' } };
    await fetch(operation);
    await fetch(operation);
    // Another operation is not touched: it goes as its own caller (anonymous here).
    await fetch({ caller: null, headers: { 'x-request-id': 'r2' } });
    expect(authorizations).toEqual([undefined, 'Bearer issued.token', undefined]);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
