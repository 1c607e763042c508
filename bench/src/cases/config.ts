import { loadCliSettings } from '@platform/kit';
import { z } from 'zod';

/**
 * The cases benchmark's settings: flags (`--cases=100000`) win over environment variables (`BENCH_CASES=100000`),
 * which win over the defaults. The only file that reads process.env.
 */
export const PARTS = ['list', 'export', 'app-list', 'auto-assign', 'import'] as const;
export type Part = (typeof PARTS)[number];

const schema = z.object({
  /** Cases seeded in tenant DEMO before measuring. */
  cases: z.coerce.number().int().positive().default(100_000),
  /** Measured requests of the case list (after 10 unrecorded ones). */
  requests: z.coerce.number().int().positive().default(100),
  /** Cases in the one import request. */
  importSize: z.coerce.number().int().positive().default(10_000),
  /** Cases of the one collector whose app list `app-list` measures (on top of `cases`). */
  appCases: z.coerce.number().int().positive().default(2_000),
  /** Collectors of the team auto-assign spreads the cases over. */
  collectors: z.coerce.number().int().positive().default(50),
  parts: z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(PARTS)).min(1))
    .default([...PARTS]),
  /** MariaDB server; the bench makes databases of its own on it and drops them afterwards. */
  databaseUrl: z.string().default('mariadb://root@127.0.0.1:3306'),
  /**
   * The machine is shared: before each part, wait up to `quietWait` seconds for other processes to use under
   * `quietCores` of CPU (0: do not wait). The figures are reported either way, with the load seen.
   */
  quietWait: z.coerce.number().nonnegative().default(60),
  quietCores: z.coerce.number().nonnegative().default(0.25),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export type CasesBenchConfig = z.output<typeof schema>;

const ENV_NAMES: Record<keyof CasesBenchConfig, string> = {
  cases: 'BENCH_CASES',
  requests: 'BENCH_REQUESTS',
  importSize: 'BENCH_IMPORT_SIZE',
  appCases: 'BENCH_APP_CASES',
  collectors: 'BENCH_COLLECTORS',
  parts: 'BENCH_PARTS',
  databaseUrl: 'DATABASE_URL',
  quietWait: 'BENCH_QUIET_WAIT',
  quietCores: 'BENCH_QUIET_CORES',
  logLevel: 'BENCH_LOG_LEVEL',
};

export function loadCasesBenchConfig(argv = process.argv.slice(2), env = process.env): CasesBenchConfig {
  return loadCliSettings('bench:cases', schema, ENV_NAMES, argv, env);
}

/** The server process's environment: this one's (PATH, HOME…) and the bench's settings, nothing else pointing at data. */
export function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, REDIS_URL: _redis, NODE_OPTIONS: _opts, ...rest } = process.env;
  return { ...rest, NODE_ENV: 'development', ...settings };
}
