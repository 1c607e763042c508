import { loadCliSettings } from '@platform/kit';
import { z } from 'zod';

/**
 * The gateway benchmark's settings: flags (`--duration=10`) win over environment variables (`BENCH_DURATION=10`),
 * which win over the defaults. The only file that reads process.env.
 */
const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1));

const schema = z.object({
  /** Seconds of each measurement. */
  duration: z.coerce.number().positive().default(10),
  /** Seconds of unrecorded load before each measurement (JIT, plan cache, connection pools). */
  warmup: z.coerce.number().nonnegative().default(2),
  /** Concurrent keep-alive connections of the load generator. */
  connections: z.coerce.number().int().positive().default(10),
  /**
   * Rounds of direct-then-router per query; the table keeps each path's best round, since on a shared machine
   * interference only ever lowers throughput.
   */
  rounds: z.coerce.number().int().positive().default(1),
  modes: list(['embedded', 'separate'] as const).default(['embedded', 'separate']),
  queries: list(['one', 'two'] as const).default(['one', 'two']),
  /** Users created in tenant DEMO and notifications sent to admin, so both pages are full (pageSize 20). */
  users: z.coerce.number().int().nonnegative().default(20),
  notifications: z.coerce.number().int().nonnegative().default(20),
  /** `--cpu-prof` on the router process (separate) and on the embedded process; profiles land next to the results. */
  profile: z
    .string()
    .transform((v) => v !== '' && v !== '0' && v !== 'false')
    .default(false),
  /**
   * The machine is shared: before each measurement, wait up to this many seconds for other processes to use
   * under `quietCores` of CPU (0: do not wait). The figure measured is reported either way.
   */
  quietWait: z.coerce.number().nonnegative().default(60),
  quietCores: z.coerce.number().nonnegative().default(0.25),
  /** A measurement during which others used more than `noisyCores` is repeated, at most `retries` times. */
  noisyCores: z.coerce.number().nonnegative().default(0.5),
  retries: z.coerce.number().int().nonnegative().default(2),
  /**
   * Redis of the separate mode: subgraphs in processes of their own reach each other's events (activity learns
   * identity's users) only through Redis Streams, as in production. The embedded mode needs none.
   */
  redisUrl: z.string().default('redis://127.0.0.1:6379'),
  /** Subgraph and router log level in the child processes. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export type BenchConfig = z.output<typeof schema>;

const ENV_NAMES: Record<keyof BenchConfig, string> = {
  duration: 'BENCH_DURATION',
  warmup: 'BENCH_WARMUP',
  connections: 'BENCH_CONNECTIONS',
  rounds: 'BENCH_ROUNDS',
  modes: 'BENCH_MODES',
  queries: 'BENCH_QUERIES',
  users: 'BENCH_USERS',
  notifications: 'BENCH_NOTIFICATIONS',
  profile: 'BENCH_PROFILE',
  quietWait: 'BENCH_QUIET_WAIT',
  quietCores: 'BENCH_QUIET_CORES',
  noisyCores: 'BENCH_NOISY_CORES',
  retries: 'BENCH_RETRIES',
  redisUrl: 'BENCH_REDIS_URL',
  logLevel: 'BENCH_LOG_LEVEL',
};

export function loadBenchConfig(argv = process.argv.slice(2), env = process.env): BenchConfig {
  return loadCliSettings('bench', schema, ENV_NAMES, argv, env);
}

/**
 * The environment of a child process: this one's (PATH, HOME…) without any database or Redis a shell may point
 * at — the bench runs on its own SQLite files and in-memory revocations — plus the given settings.
 */
export function childEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, REDIS_URL: _redis, NODE_OPTIONS: _opts, ...rest } = process.env;
  return { ...rest, NODE_ENV: 'development', ...settings };
}
