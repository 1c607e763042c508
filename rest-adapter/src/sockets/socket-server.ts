import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { SocketBridge, SOCKET_CLOSE, type BridgeOptions } from './socket-bridge';
import type { SocketRoute } from './socket-route';

export interface SocketServerOptions extends BridgeOptions {
  server: Server;
  routes: readonly SocketRoute[];
  /** How long a socket without `?token=` may take to send its `{type:"auth", token}` message (default 10 s). */
  authTimeoutMs?: number;
}

const AUTH_TIMEOUT_MS = 10_000;
/** An auth message is a token and a few bytes of JSON: anything longer is not one. */
const MAX_AUTH_MESSAGE = 16 * 1024;

/**
 * The documented WebSocket paths on the adapter's own server. A socket authenticates with `?token=` (browsers
 * cannot set headers on a WebSocket) or with a first message `{type:"auth", token}`; then it is bridged to the
 * router (SocketBridge). Any other upgrade path is answered 404.
 */
export function serveSocketRoutes(opts: SocketServerOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_AUTH_MESSAGE });
  const byPath = new Map(opts.routes.map((route) => [route.path, route]));
  const timeoutMs = opts.authTimeoutMs ?? AUTH_TIMEOUT_MS;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://adapter');
    const route = byPath.get(url.pathname);
    if (!route) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, route, url.searchParams));
  };

  const accept = (ws: WebSocket, route: SocketRoute, query: URLSearchParams) => {
    const bridge = new SocketBridge(ws, route, query, opts);
    const token = query.get('token');
    if (token !== null) return token ? bridge.start(token) : bridge.refuse(401, 'Unauthorized');
    const timer = setTimeout(() => bridge.refuse(401, 'No auth message'), timeoutMs);
    ws.once('close', () => clearTimeout(timer));
    ws.once('message', (raw: WebSocket.RawData, isBinary: boolean) => {
      clearTimeout(timer);
      const sent = isBinary ? undefined : authToken(textOf(raw));
      if (sent) bridge.start(sent);
      else bridge.refuse(401, 'Unauthorized');
    });
  };

  opts.server.on('upgrade', onUpgrade);
  return {
    close() {
      opts.server.off('upgrade', onUpgrade);
      // Upgraded sockets keep an HTTP server from closing: end them first (the client reconnects elsewhere).
      for (const ws of wss.clients) ws.close(SOCKET_CLOSE.goingAway, 'Server shutting down');
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

function textOf(raw: WebSocket.RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(new Uint8Array(raw)).toString('utf8');
}

/** The token of a `{type:"auth", token}` message; undefined for anything else. */
function authToken(text: string): string | undefined {
  try {
    const message = JSON.parse(text) as { type?: unknown; token?: unknown } | null;
    return message?.type === 'auth' && typeof message.token === 'string' && message.token ? message.token : undefined;
  } catch {
    return undefined;
  }
}
