import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
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
