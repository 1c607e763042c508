import { loadCliSettings } from '@platform/kit';
import { z } from 'zod';

/**
 * The subscriptions benchmark's settings: flags (`--subscribers=500`) win over environment variables
 * (`BENCH_SUBSCRIBERS=500`), which win over the defaults. The only file of this bench that reads process.env.
 */
const schema = z.object({
  /** graphql-ws subscribers, one recipient user (and one socket) each. */
  subscribers: z.coerce.number().int().positive().default(10_000),
  /**
   * How many of the subscribers are accounts created and signed in through the router (0: all). The others hold
   * tokens the bench signs with the deployment's secret (see mintRecipients): they receive the probes' and the
   * fan-out's announcements; the steady notices go round robin over the accounts. A 10,000-account setup costs
   * 20,000 argon2 hashes, far beyond a loaded 2-core machine's evening.
   */
  accounts: z.coerce.number().int().nonnegative().default(0),
  /** Child processes the subscribers are spread over (each holds subscribers ÷ clients sockets). */
  clients: z.coerce.number().int().positive().default(4),
  /** Notices per second of the steady phase, each to one subscriber (round robin). */
  rate: z.coerce.number().positive().default(200),
  /** Seconds of the steady phase. */
  duration: z.coerce.number().positive().default(30),
  /** Seconds after the last send within which a notice still counts as delivered (later: lost). */
  grace: z.coerce.number().positive().default(10),
  /** Subscribers of the graphql-sse phase (0: skip it); at most `subscribers`. */
  sseSubscribers: z.coerce.number().int().nonnegative().default(1_000),
  /** Requests in flight while creating users, signing them in, probing and fanning out one notice each. */
  concurrency: z.coerce.number().int().positive().default(16),
  /** Redis of the deployment (events between the processes, revocations). */
  redisUrl: z.string().default('redis://127.0.0.1:6379'),
  /**
   * Where the setup (every subgraph's SQLite file, the JWT secret, the recipients' ids and tokens) is kept and taken
   * from: a later run with as many subscribers or fewer reuses it while its tokens hold, instead of creating and
   * signing in N users again (2 argon2 hashes each). Empty: a fresh setup, not kept.
   */
  stateDir: z.string().default(''),
  /** Only the setup (kept in stateDir), no measurement: prepares a later run. */
  setupOnly: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /**
   * What the subscriptions select: `plain` (id, title, createdAt: activity alone), `recipient` (+ the recipient's
   * username and fullName from identity, fields identity declares claim-scoped: the router fetches them once per
   * event and claim set) or `recipient-per-caller` (+ its tenant's code, not declared: one fetch per subscriber).
   * The two recipient selections side by side measure what sharing the fetch saves. Every subscriber must then be
   * an account (identity has no user for a bench-signed token's id).
   */
  selection: z.enum(['plain', 'recipient', 'recipient-per-caller']).default('plain'),
  /** Subgraph and router log level in the child processes. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export type SubscriptionsBenchConfig = z.output<typeof schema>;

const ENV_NAMES: Record<keyof SubscriptionsBenchConfig, string> = {
  subscribers: 'BENCH_SUBSCRIBERS',
  accounts: 'BENCH_ACCOUNTS',
  clients: 'BENCH_CLIENTS',
  rate: 'BENCH_RATE',
  duration: 'BENCH_DURATION',
  grace: 'BENCH_GRACE',
  sseSubscribers: 'BENCH_SSE_SUBSCRIBERS',
  concurrency: 'BENCH_CONCURRENCY',
  redisUrl: 'BENCH_REDIS_URL',
  stateDir: 'BENCH_STATE_DIR',
  setupOnly: 'BENCH_SETUP_ONLY',
  selection: 'BENCH_SELECTION',
  logLevel: 'BENCH_LOG_LEVEL',
};

export function loadSubscriptionsConfig(argv = process.argv.slice(2), env = process.env): SubscriptionsBenchConfig {
  const settings = loadCliSettings('bench:subscriptions', schema, ENV_NAMES, argv, env);
  const { subscribers, accounts } = settings;
  return {
    ...settings,
    accounts: accounts === 0 ? subscribers : Math.min(accounts, subscribers),
    sseSubscribers: Math.min(settings.sseSubscribers, subscribers),
  };
}
