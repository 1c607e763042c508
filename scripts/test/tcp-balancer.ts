import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A round-robin TCP load balancer on 127.0.0.1, as a Kubernetes Service spreads connections over a deployment's
 * pods: each client connection goes to the next backend that accepts it, and ends when its backend's does (a
 * killed instance drops its connections; new ones go to the instances still up).
 */
export interface TcpBalancer {
  port: number;
  /** Open client connections per backend port. */
  open(): Record<number, number>;
  close(): Promise<void>;
}

export async function startTcpBalancer(backendPorts: number[]): Promise<TcpBalancer> {
  const open = new Map<number, Set<Socket>>(backendPorts.map((p) => [p, new Set()]));
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
      client.pipe(backend).pipe(client);
      const end = () => {
        open.get(port)!.delete(client);
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
    open: () => Object.fromEntries([...open].map(([port, sockets]) => [port, sockets.size])),
    close: () =>
      new Promise<void>((resolve) => {
        for (const sockets of open.values()) for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
