import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

export interface SocketClose {
  code: number;
  reason: string;
}

/** A subscription held open by a real graphql-ws client, for tests that watch how it ends. */
export interface HeldSubscription {
  client: Client;
  /** Resolves when the server acknowledged the connection. */
  connected: Promise<void>;
  /** Resolves with the close frame once the socket closed (by the server or by `dispose`). */
  closed: Promise<SocketClose>;
  /** Events received so far, oldest first. */
  events: FormattedExecutionResult<Record<string, unknown>, unknown>[];
  /** `Date.now()` when each of `events` arrived, in the same order. */
  arrivedAt: number[];
  /** Whether the operation has been completed or failed; the socket may still be open. */
  ended(): boolean;
  dispose(): Promise<void>;
}

/** Connects to `wsUrl` with `token` in `connectionParams` and subscribes to `query` at once. */
export function holdSubscription(wsUrl: string, token: string, query: string): HeldSubscription {
  let onConnected!: () => void;
  let onClosed!: (close: SocketClose) => void;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const closed = new Promise<SocketClose>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  const events: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
  const arrivedAt: number[] = [];
  let done = false;
  const stop = client.subscribe(
    { query },
    {
      next: (event) => {
        arrivedAt.push(Date.now());
        events.push(event);
      },
      // A close by the server reaches the sink as an error; `closed` is what tests assert.
      error: () => {
        done = true;
      },
      complete: () => {
        done = true;
      },
    },
  );
  return {
    client,
    connected,
    closed,
    events,
    arrivedAt,
    ended: () => done,
    async dispose() {
      stop();
      await client.dispose();
    },
  };
}
