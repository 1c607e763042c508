import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { RECEIVED, type FromSubscribers, type ToSubscribers, type Transport } from './messages';

/**
 * A subscriber process of the bench (forked, IPC): holds one subscription per token, each on a connection of its
 * own (graphql-ws socket or graphql-sse stream), and reports every event received (a notice by its title) with its
 * arrival time.
 */
const send = (message: FromSubscribers) => process.send?.(message);

const receipts: [string, number][] = [];
const ended = { count: 0, errors: [] as string[] };
const disposers: Array<() => void> = [];

const flush = setInterval(() => {
  if (receipts.length) send({ type: 'receipts', items: receipts.splice(0) });
  if (ended.count) {
    send({ type: 'ended', count: ended.count, errors: ended.errors.splice(0, 5) });
    ended.count = 0;
  }
}, 100);

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'object' && error && 'code' in error ? `close ${String(error.code)}` : JSON.stringify(error);

/** What the subscriptions ask for, and which field of an event names it in the receipts. */
let query = RECEIVED;
let key = 'title';

function onEvent(data: unknown): void {
  const event = Object.values((data ?? {}) as Record<string, Record<string, unknown> | null>)[0];
  const name = event?.[key];
  if (typeof name === 'string') receipts.push([name, Date.now()]);
}

/** Resolves once connected, rejects if the subscription fails first. */
function subscribe(transport: Transport, url: string, token: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let connected = false;
    const failed = (error: unknown) => {
      if (!connected) reject(new Error(describe(error)));
      else {
        ended.count += 1;
        ended.errors.push(describe(error));
      }
    };
    const sink = {
      next: (result: { data?: unknown }) => onEvent(result.data),
      error: failed,
      complete: () => failed(new Error('completed by the server')),
    };
    const up = () => {
      connected = true;
      resolve();
    };
    if (transport === 'ws') {
      const client = createWsClient({
        url,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        on: { connected: up },
      });
      const stop = client.subscribe({ query }, sink);
      disposers.push(() => {
        stop();
        void client.dispose();
      });
    } else {
      const client = createSseClient({
        url,
        headers: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        on: { connected: up },
      });
      const stop = client.subscribe({ query }, sink);
      disposers.push(() => {
        stop();
        client.dispose();
      });
    }
  });
}

async function open(message: Extract<ToSubscribers, { type: 'open' }>): Promise<void> {
  query = message.query ?? RECEIVED;
  key = message.key ?? 'title';
  let next = 0;
  let connected = 0;
  const errors: string[] = [];
  // A bounded number of handshakes at a time: thousands at once only measure the accept queue.
  const worker = async () => {
    while (next < message.tokens.length) {
      const token = message.tokens[next++];
      try {
        await subscribe(message.transport, message.url, token);
        connected += 1;
      } catch (error) {
        errors.push(describe(error));
      }
    }
  };
  await Promise.all(Array.from({ length: message.concurrency }, worker));
  send({ type: 'opened', connected, failed: errors.length, errors: errors.slice(0, 5) });
}

process.on('message', (message: ToSubscribers) => {
  if (message.type === 'open') void open(message);
  else {
    for (const dispose of disposers.splice(0)) dispose();
    clearInterval(flush);
    if (receipts.length) send({ type: 'receipts', items: receipts.splice(0) });
    // Let the close frames go out, then leave.
    setTimeout(() => process.exit(0), 500);
  }
});
