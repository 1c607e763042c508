import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Logger } from '@platform/kit';
import type { Upstream } from './upstream';

/** Reconnects in a row (reset by every acknowledged connection) before the subscriptions fail. */
const RETRY_ATTEMPTS = 8;

/**
 * A lost subgraph connection is retried soon (150–300 ms, doubling to at most 5 s, with jitter), not after
 * graphql-ws's default 1 s + up to 3 s: live events of a subscription not subscribed anywhere are gone, and a
 * resumable one has to catch up the longer it was away.
 */
function quickBackoff(retries: number): Promise<void> {
  const ms = Math.min(5_000, 150 * 2 ** retries) + Math.random() * 150;
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface Shared {
  client: Client;
  leases: number;
}

/**
 * One graphql-ws connection per subgraph, carrying every caller's subscriptions to it (graphql-ws multiplexes
 * operations on a socket), so the router's sockets to a subgraph stay one however many clients subscribe. Each
 * operation names its caller in `extensions` (token, request id, address), which the subgraph verifies per
 * operation. The connection is opened with the first subscription and closed with the last.
 */
export class RemoteUpstreams {
  private readonly clients = new Map<string, Shared>();

  constructor(private readonly logger: Logger) {}

  /** The upstream for the subgraph served at `url` (its GraphQL HTTP URL; the WebSocket is on the same path). */
  forUrl(url: string): Upstream {
    const wsUrl = url.replace(/^http/, 'ws');
    return {
      // Upstream.open is asynchronous for other transports; graphql-ws subscribes synchronously.
      open: (fetch, variables, headers, sink) => {
        const lease = this.acquire(wsUrl);
        let released = false;
        const done = () => {
          if (released) return;
          released = true;
          lease.release();
        };
        const unsubscribe = lease.client.subscribe(
          {
            query: fetch.operation,
            operationName: fetch.operationName,
            // graphql-ws serializes the payload at every (re)subscription: a getter sends the current cursor.
            get variables() {
              return variables();
            },
            extensions: {
              authorization: headers.authorization,
              requestId: headers['x-request-id'],
              forwardedFor: headers['x-forwarded-for'],
            },
          },
          {
            next: (event) => sink.next(event as FormattedExecutionResult),
            error: (error) => {
              done();
              sink.complete(error);
            },
            complete: () => {
              done();
              sink.complete();
            },
          },
        );
        return Promise.resolve(() => {
          unsubscribe();
          done();
        });
      },
    };
  }

  /** Open connections to subgraphs (one per subgraph with subscriptions). */
  get connections(): number {
    return this.clients.size;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((shared) => Promise.resolve(shared.client.dispose())));
    this.clients.clear();
  }

  private acquire(wsUrl: string): { client: Client; release(): void } {
    let shared = this.clients.get(wsUrl);
    if (!shared) {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        lazy: true,
        lazyCloseTimeout: 0,
        retryAttempts: RETRY_ATTEMPTS,
        retryWait: quickBackoff,
        on: { error: (error) => this.logger.warn({ err: error, url: wsUrl }, 'upstream subscription socket error') },
      });
      shared = { client, leases: 0 };
      this.clients.set(wsUrl, shared);
    }
    const current = shared;
    current.leases += 1;
    const release = () => {
      current.leases -= 1;
      if (current.leases > 0 || this.clients.get(wsUrl) !== current) return;
      this.clients.delete(wsUrl);
      void current.client.dispose();
    };
    return { client: current.client, release };
  }
}
