import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A round-robin TCP load balancer on 127.0.0.1, as a Kubernetes Service spreads connections over a deployment's
 * pods: each client connection goes to the next backend that accepts it, and ends when its backend's does (a
 * killed instance drops its connections; new ones go to the instances still up).
 */
export interface TcpBalancer {
  port: number;
  /** Open client connections per backend port, and how many of them are WebSockets (subscription sockets). */
  open(): Record<number, { connections: number; websockets: number }>;
  close(): Promise<void>;
}

export async function startTcpBalancer(backendPorts: number[]): Promise<TcpBalancer> {
  const open = new Map<number, Set<Socket>>(backendPorts.map((p) => [p, new Set()]));
  const websockets = new Set<Socket>();
  let next = 0;

  const route = (client: Socket, tried = 0) => {
    if (tried >= backendPorts.length) {
      client.destroy();
      return;
    }
    const port = backendPorts[next++ % backendPorts.length];
    const backend = connect(port, '127.0.0.1');
    let connected = false;
    // Refused: the next backend; once connected, errors end the pair (below).
    backend.once('error', () => {
      if (!connected) route(client, tried + 1);
    });
    backend.once('connect', () => {
      connected = true;
      open.get(port)!.add(client);
      // A connection's first bytes tell a WebSocket handshake from a plain HTTP request.
      client.once('data', (chunk: Buffer) => {
        if (/^GET [^\r\n]*\r\n[\s\S]*upgrade:\s*websocket/i.test(chunk.toString('latin1'))) websockets.add(client);
      });
      client.pipe(backend).pipe(client);
      const end = () => {
        open.get(port)!.delete(client);
        websockets.delete(client);
        client.destroy();
        backend.destroy();
      };
      backend.once('close', end);
      client.once('close', end);
      client.on('error', end);
      backend.on('error', end);
    });
  };

  const server: Server = createServer((client) => {
    client.pause();
    client.on('error', () => client.destroy());
    route(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the balancer has no port');
  return {
    port: address.port,
    open: () =>
      Object.fromEntries(
        [...open].map(([port, sockets]) => [port, { connections: sockets.size, websockets: [...sockets].filter((s) => websockets.has(s)).length }]),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        for (const sockets of open.values()) for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
