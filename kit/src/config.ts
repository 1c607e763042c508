import { inspect } from 'node:util';
import { z } from 'zod';

/** A configuration value that must never be printed: logs, JSON and inspect all show `[redacted]`. */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [inspect.custom](): string {
    return '[redacted]';
  }
}

/** A string setting that becomes a {@link Secret}. */
export const secret = (schema: z.ZodString = z.string().min(1)) => schema.transform((v) => new Secret(v));

export class ConfigError extends Error {
  constructor(service: string, issues: string[]) {
    super(`Invalid configuration for ${service}:\n  - ${issues.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment with a zod schema and fails fast naming every bad variable. */
export function loadConfig<S extends z.ZodType>(service: string, schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      service,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return parsed.data;
}

const DEV_JWT_SECRET = 'development-only-jwt-secret-change-me-0123456789';

/** Settings every service reads. Production refuses the development defaults. */
export const baseConfigShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** The interface a server binds to: 0.0.0.0 in containers. */
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_SECRET: secret(z.string().min(32, 'must be at least 32 characters')).default(new Secret(DEV_JWT_SECRET)),
  DATABASE_URL: z.string().optional(),
  /**
   * SQLite files only (WAL mode): `normal` — a commit survives the process crashing, not necessarily the machine
   * losing power; `full` — every commit waits for the disk. MariaDB/MySQL keep their server's own setting.
   */
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  REDIS_URL: z.string().optional(),
  /** Namespace of the event streams in Redis: deployments (and test runs) sharing one Redis keep apart. */
  EVENT_BUS_PREFIX: z.string().default(''),
};

export const baseConfigSchema = z.object(baseConfigShape);

/**
 * A subgraph that reaches the graph (SubgraphDefinition.reachesGraph), as its own process: the router's GraphQL
 * endpoint, e.g. `http://router:4000/graphql`. The embedded launcher gives its in-process router instead.
 */
export const routerUrlShape = {
  ROUTER_URL: z.url({ protocol: /^https?$/ }).optional(),
};
export type BaseConfig = z.output<typeof baseConfigSchema>;

/** Cross-field checks shared by every service's schema (`.superRefine(productionGuards)`). */
export function productionGuards(cfg: { NODE_ENV: string; JWT_SECRET: Secret }, ctx: z.RefinementCtx): void {
  if (cfg.NODE_ENV === 'production' && cfg.JWT_SECRET.reveal() === DEV_JWT_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set in production' });
  }
}

export const isProduction = (cfg: { NODE_ENV: string }) => cfg.NODE_ENV === 'production';

/** The process's environment: the one place outside a `config.ts` a deployable reads it from. */
export const processEnv = (): NodeJS.ProcessEnv => process.env;
