import type { GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Logger } from '@platform/kit';
import { loadOperation } from '../framework/operations';
import type { SocketRefusal, SocketRoute } from './socket-route';

export interface BridgeOptions {
  /** The router's graphql-ws URL; undefined while the router is not listening yet. */
  routerSocketUrl(): string | undefined;
  logger: Logger;
}

/** Close codes of a legacy socket: graphql-ws's own numbers for the same conditions. */
export const SOCKET_CLOSE = {
  goingAway: 1001,
  /** The router is unreachable or failed: the client reconnects later. */
  unavailable: 1011,
  /** The router is not listening yet. */
  tryAgain: 1013,
  unauthorized: 4401,
  forbidden: 4403,
} as const;

/**
 * One client socket of a route, bridged to one router subscription over graphql-ws, as the client's token. Events
 * become the route's documented messages; the router's refusal (no valid token) or its ending of the socket
 * (revoked session) becomes 4401 / 4403 after the route's error message. When the router completes the
 * subscription (a catch-up that delivered its most), it is opened again after the last event delivered.
 */
export class SocketBridge {
  private client?: Client;
  private unsubscribe?: () => void;
  private acknowledged = false;
  private cursor?: string;
  private ended = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly route: SocketRoute,
    private readonly query: URLSearchParams,
    private readonly opts: BridgeOptions,
  ) {
    socket.once('close', () => {
      this.ended = true;
      this.dispose();
    });
  }

  /** Subscribes upstream as the holder of `token`. */
  start(token: string): void {
    const url = this.opts.routerSocketUrl();
    if (!url) return this.end(SOCKET_CLOSE.tryAgain, 'Router not ready');
    this.client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
      // A refused or broken upstream is reported through the subscription's error, handled there.
      onNonLazyError: () => undefined,
      on: {
        connected: () => {
          this.acknowledged = true;
        },
      },
    });
    this.subscribe();
  }

  /** Refuses the socket: the route's error message, then 4401 / 4403. */
  refuse(status: SocketRefusal, reason: string): void {
    if (this.ended) return;
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(this.route.refused(status)));
    this.end(status === 401 ? SOCKET_CLOSE.unauthorized : SOCKET_CLOSE.forbidden, reason);
  }

  end(code: number, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.dispose();
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  private subscribe(): void {
    const { name, document } = loadOperation(this.route.operation);
    const variables = { ...this.route.variables(this.query), ...(this.cursor ? { after: this.cursor } : {}) };
    this.unsubscribe = this.client?.subscribe<unknown>(
      { query: document, operationName: name, variables },
      {
        next: (result) => {
          if (result.errors?.length) return this.failed(result.errors);
          if (result.data === undefined || result.data === null || this.ended) return;
          this.cursor = this.route.cursor(result.data) ?? this.cursor;
          this.socket.send(JSON.stringify(this.route.message(result.data)));
        },
        error: (error) => this.failed(error),
        complete: () => {
          // Unsubscribing (the socket ended) completes too: only the router's own completion resubscribes.
          if (!this.ended) this.subscribe();
        },
      },
    );
  }

  /** graphql-ws reports GraphQL errors as an array and a closed upstream socket as its close event. */
  private failed(error: unknown): void {
    if (Array.isArray(error)) {
      const code = (error as GraphQLFormattedError[])[0]?.extensions?.code;
      if (code === 'UNAUTHENTICATED') return this.refuse(401, 'Unauthorized');
      if (code === 'FORBIDDEN') return this.refuse(403, 'Forbidden');
      this.opts.logger.warn({ errors: error, path: this.route.path }, 'socket subscription failed');
      return this.end(SOCKET_CLOSE.unavailable, 'Subscription failed');
    }
    const closeCode = (error as { code?: unknown } | undefined)?.code;
    // Before the router acknowledged the connection, its refusal (4403 from graphql-ws) means the token is bad.
    if (!this.acknowledged && (closeCode === 4403 || closeCode === 4401)) return this.refuse(401, 'Unauthorized');
    if (closeCode === 4403) return this.refuse(403, 'Session ended');
    this.opts.logger.warn({ err: error, path: this.route.path }, 'router socket lost');
    this.end(SOCKET_CLOSE.unavailable, 'Router unavailable');
  }

  private dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const client = this.client;
    this.client = undefined;
    void client?.dispose();
  }
}
