/** Over the IPC channel between the bench and its subscriber processes. */
export type Transport = 'ws' | 'sse';

export const RECEIVED = 'subscription BenchReceived { notificationReceived { id title createdAt } }';

/** The subscription of each `--selection` (config.ts): the recipient's fields come from identity. */
export const SELECTIONS = {
  plain: RECEIVED,
  recipient: 'subscription BenchReceived { notificationReceived { id title createdAt recipient { username fullName } } }',
  'recipient-per-caller':
    'subscription BenchReceived { notificationReceived { id title createdAt recipient { username fullName tenant { code } } } }',
} as const;

export type ToSubscribers =
  /** `query` (default RECEIVED) names one root field; each event is receipted by that field's `key` (default `title`). */
  | { type: 'open'; transport: Transport; url: string; tokens: string[]; concurrency: number; query?: string; key?: string }
  | { type: 'close' };

export type FromSubscribers =
  /** Every subscription of the batch is connected (graphql-ws acknowledged / the SSE stream answered 200) or failed. */
  | { type: 'opened'; connected: number; failed: number; errors: string[] }
  /** Events received since the last batch: [key (a notice's title), receivedAt ms since the epoch]. */
  | { type: 'receipts'; items: [string, number][] }
  /** A subscription ended or failed after it had connected. */
  | { type: 'ended'; count: number; errors: string[] };
