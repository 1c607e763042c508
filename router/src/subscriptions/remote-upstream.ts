import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Logger } from '@platform/kit';
import type { Upstream } from './upstream';

interface Shared {
  client: Client;
  leases: number;
}

/**
 * One graphql-ws client per (subgraph, caller token), shared by all of that caller's subscriptions to the
 * subgraph and disposed with the last of them, so a closed client connection leaves no upstream socket.
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
        const lease = this.acquire(wsUrl, headers.authorization);
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
            variables,
            // The socket is shared by the caller's subscriptions, so the request id travels with each one.
            extensions: { requestId: headers['x-request-id'] },
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

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((shared) => Promise.resolve(shared.client.dispose())));
    this.clients.clear();
  }

  private acquire(wsUrl: string, authorization: string | undefined): { client: Client; release(): void } {
    const key = `${wsUrl}\n${authorization ?? ''}`;
    let shared = this.clients.get(key);
    if (!shared) {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: authorization ? { authorization } : {},
        lazy: true,
        lazyCloseTimeout: 0,
        on: { error: (error) => this.logger.warn({ err: error, url: wsUrl }, 'upstream subscription socket error') },
      });
      shared = { client, leases: 0 };
      this.clients.set(key, shared);
    }
    const current = shared;
    current.leases += 1;
    const release = () => {
      current.leases -= 1;
      if (current.leases > 0 || this.clients.get(key) !== current) return;
      this.clients.delete(key);
      void current.client.dispose();
    };
    return { client: current.client, release };
  }
}
