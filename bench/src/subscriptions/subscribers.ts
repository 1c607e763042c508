import { join } from 'node:path';
import { startChild, type Child } from '@platform/testkit';
import type { FromSubscribers, ToSubscribers, Transport } from './messages';

/** The subscriber processes of one phase, and every notice they received (title → arrival times). */
export interface Subscribers {
  connected: number;
  failed: number;
  errors: string[];
  /** Subscriptions that ended after connecting (server closed them, upstream failed). */
  endedAfterConnect: number;
  receipts: Map<string, number[]>;
  /** The subscriber processes' ids (their CPU is the bench's, not other load). */
  pids: number[];
  close(): Promise<void>;
}

/** Forks `clients` subscriber processes, hands each its share of `tokens`, and waits until all are connected or failed. */
export async function openSubscribers(opts: {
  transport: Transport;
  url: string;
  tokens: string[];
  clients: number;
  concurrency: number;
  workDir: string;
  /** Another subscription than the notices, and the field of its events the receipts are keyed by. */
  query?: string;
  key?: string;
}): Promise<Subscribers> {
  const receipts = new Map<string, number[]>();
  const state: Subscribers = {
    connected: 0,
    failed: 0,
    errors: [],
    endedAfterConnect: 0,
    receipts,
    pids: [],
    close: async () => {
      for (const child of children) child.process.send({ type: 'close' } satisfies ToSubscribers);
      await Promise.all(children.map((child) => waitExit(child)));
    },
  };
  const count = Math.min(opts.clients, opts.tokens.length);
  const children: Child[] = [];
  const opened: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const child = startChild({
      name: `subscribers-${opts.transport}-${i + 1}`,
      script: join(__dirname, 'subscriber-process.js'),
      ipc: true,
      logPath: join(opts.workDir, `subscribers-${opts.transport}-${i + 1}.log`),
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    children.push(child);
    if (child.process.pid) state.pids.push(child.process.pid);
    opened.push(
      new Promise<void>((resolve, reject) => {
        child.process.once('exit', (code) => reject(new Error(`${child.name} exited (${code}) while opening; see ${child.logPath}`)));
        child.process.on('message', (message: FromSubscribers) => {
          if (message.type === 'opened') {
            state.connected += message.connected;
            state.failed += message.failed;
            state.errors.push(...message.errors);
            resolve();
          } else if (message.type === 'receipts') {
            for (const [title, at] of message.items) {
              const seen = receipts.get(title);
              if (seen) seen.push(at);
              else receipts.set(title, [at]);
            }
          } else {
            state.endedAfterConnect += message.count;
            state.errors.push(...message.errors);
          }
        });
      }),
    );
    // Every child gets an equal slice; the last takes the remainder.
    const share = Math.ceil(opts.tokens.length / count);
    const tokens = opts.tokens.slice(i * share, (i + 1) * share);
    child.process.send({ type: 'open', transport: opts.transport, url: opts.url, tokens, concurrency: opts.concurrency, query: opts.query, key: opts.key } satisfies ToSubscribers);
  }
  await Promise.all(opened);
  for (const child of children) child.process.removeAllListeners('exit');
  return state;
}

function waitExit(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.process.once('exit', () => resolve()));
  const timer = setTimeout(() => void child.stop(), 10_000);
  return exited.finally(() => clearTimeout(timer));
}
