import { loadCliSettings } from '@platform/kit';
import { z } from 'zod';

/**
 * The partner benchmark's settings: flags (`--batches=20`) win over environment variables (`BENCH_BATCHES=20`),
 * which win over the defaults (the full size). The only file that reads process.env.
 */
const schema = z.object({
  /** Batches of `batchSize` cases pushed to /api/v1/webhook/cases/import. */
  batches: z.coerce.number().int().positive().default(20),
  batchSize: z.coerce.number().int().positive().max(10_000).default(1000),
  /** Batch pushes in flight at once (a core system pushing from several workers). */
  batchConcurrency: z.coerce.number().int().positive().default(2),
  /** Collectors, each with an account subscribed to repaymentReceived through the router and one case of its own. */
  collectors: z.coerce.number().int().positive().default(1000),
  /** Repayments a second, and for how long, over the collectors' cases. */
  rate: z.coerce.number().positive().default(50),
  seconds: z.coerce.number().positive().default(60),
  /** Partner API keys the pushes rotate over: each has 1000 pushes an hour (decisions.md § CCO). */
  keys: z.coerce.number().int().positive().default(6),
  /** Subscriber processes holding the collectors' subscriptions. */
  clients: z.coerce.number().int().positive().default(2),
  /** Account creation and sign-in (argon2 each) running at once. */
  concurrency: z.coerce.number().int().positive().default(8),
  /**
   * The machine is shared: before each measured part, wait up to `quietWait` seconds for other processes to use under
   * `quietCores` of CPU (0: do not wait). The figures are reported either way, with the other load seen meanwhile.
   */
  quietWait: z.coerce.number().nonnegative().default(60),
  quietCores: z.coerce.number().nonnegative().default(0.25),
  /** embedded: the whole platform in one process (`npm start`); separate: a process per service (docker-compose). */
  topology: z.enum(['embedded', 'separate']).default('embedded'),
  /** Embedded: write a CPU profile of the platform's process (--cpu-prof) into bench/results. */
  profile: z
    .string()
    .transform((v) => v !== '' && v !== '0' && v !== 'false')
    .default(false),
  /** Embedded: further Node/V8 flags of the platform's process, space-separated (e.g. "--trace-gc"). */
  nodeFlags: z
    .string()
    .transform((v) => v.split(/\s+/).filter(Boolean))
    .default([]),
  databaseUrl: z.string().default('mariadb://root@127.0.0.1:3306'),
  redisUrl: z.string().default('redis://127.0.0.1:6379'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export type PartnerBenchConfig = z.output<typeof schema>;

const ENV_NAMES: Record<keyof PartnerBenchConfig, string> = {
  batches: 'BENCH_BATCHES',
  batchSize: 'BENCH_BATCH_SIZE',
  batchConcurrency: 'BENCH_BATCH_CONCURRENCY',
  collectors: 'BENCH_COLLECTORS',
  rate: 'BENCH_RATE',
  seconds: 'BENCH_SECONDS',
  keys: 'BENCH_KEYS',
  clients: 'BENCH_CLIENTS',
  concurrency: 'BENCH_CONCURRENCY',
  quietWait: 'BENCH_QUIET_WAIT',
  quietCores: 'BENCH_QUIET_CORES',
  topology: 'BENCH_TOPOLOGY',
  profile: 'BENCH_PROFILE',
  nodeFlags: 'BENCH_NODE_FLAGS',
  databaseUrl: 'DATABASE_URL',
  redisUrl: 'BENCH_REDIS_URL',
  logLevel: 'BENCH_LOG_LEVEL',
};

export function loadPartnerBenchConfig(argv = process.argv.slice(2), env = process.env): PartnerBenchConfig {
  const config = loadCliSettings('bench:partner', schema, ENV_NAMES, argv, env);
  const pushes = config.batches + 2 * config.collectors + config.rate * config.seconds;
  if (pushes > config.keys * 1000) throw new Error(`${pushes} pushes need at least ${Math.ceil(pushes / 1000)} keys (1000 pushes an hour each): --keys`);
  if (config.collectors > config.batches * config.batchSize) throw new Error('--collectors: each collector needs a case of the pushed batches');
  return config;
}
