import WebSocket from 'ws';
import type { UntypedJson } from '@platform/testkit';

export interface TestSocket {
  /** The next message (parsed JSON), or a failure after `ms`. */
  next(ms?: number): Promise<UntypedJson>;
  /** Messages received and not yet read by `next`. */
  readonly pending: UntypedJson[];
  send(message: unknown): void;
  /** Resolves once the server accepted the upgrade. */
  opened: Promise<void>;
  /** The close the socket ended with. */
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

/**
 * A real WebSocket client on the adapter: `openSocket(baseWsUrl, '/ws/notifications?token=…')`. The route coverage
 * reads these calls as the contract tests of `WS` routes.
 */
export function openSocket(base: string, path: string): TestSocket {
  const ws = new WebSocket(`${base}${path}`);
  const pending: UntypedJson[] = [];
  const waiters: Array<(message: UntypedJson) => void> = [];
  ws.on('message', (raw: Buffer) => {
    const message: UntypedJson = JSON.parse(raw.toString('utf8'));
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else pending.push(message);
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  opened.catch(() => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  return {
    pending,
    opened,
    closed,
    next(ms = 5000) {
      const queued = pending.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const waiter = (message: UntypedJson) => {
          clearTimeout(timer);
          resolve(message);
        };
        // A waiter that gave up must not swallow a later message.
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no message within ${ms} ms`));
        }, ms);
        waiters.push(waiter);
      });
    },
    send: (message) => ws.send(JSON.stringify(message)),
    async close() {
      if (ws.readyState !== WebSocket.CLOSED) ws.close();
      await closed;
    },
  };
}
