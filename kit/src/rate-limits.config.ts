import { z } from 'zod';
import { commaList } from './client-address';
import type { OperationLimit } from './rate-limiter';

/**
 * Every rate-limit class of the platform and its default (requests per window in seconds). 004 "限流说明"
 * documents login 5/min, normal 100/min, upload 10/min, export 5/hour. No document limits sign-ups or refreshes:
 * 20 sign-ups an hour per client address lets an office register its staff but not mint accounts without bound;
 * 30 failed refreshes a minute per address stops token guessing without touching a client that refreshes normally.
 * decisions.md § CCO limits a partner API key's pushes to 1000 an hour and its queries to 100 a minute (partner § 8.4).
 * Each service applies the classes of the operations it runs: identity login, refresh, register (so REST and
 * GraphQL count together) and the partner classes (it verifies every partner request); the REST adapter normal,
 * upload, export.
 */
export const RATE_LIMIT_DEFAULTS = {
  login: { points: 5, durationSeconds: 60 },
  register: { points: 20, durationSeconds: 3600 },
  refresh: { points: 30, durationSeconds: 60 },
  normal: { points: 100, durationSeconds: 60 },
  upload: { points: 10, durationSeconds: 60 },
  export: { points: 5, durationSeconds: 3600 },
  partner_push: { points: 1000, durationSeconds: 3600 },
  partner_query: { points: 100, durationSeconds: 60 },
} as const satisfies Record<string, OperationLimit>;

export type RateClass = keyof typeof RATE_LIMIT_DEFAULTS;
export type RateLimitSettings = Record<RateClass, OperationLimit>;

const RATE_CLASSES = Object.keys(RATE_LIMIT_DEFAULTS) as RateClass[];
const isRateClass = (name: string): name is RateClass => (RATE_CLASSES as string[]).includes(name);

/**
 * `login:5/60,normal:100/60` → every class's limit, the classes not named keeping their defaults. Throws naming
 * the first entry that is not `<class>:<requests>/<seconds>` of a known class with both numbers at least 1.
 */
export function parseRateLimits(spec: string | undefined): RateLimitSettings {
  const limits: RateLimitSettings = { ...RATE_LIMIT_DEFAULTS };
  for (const entry of commaList(spec)) {
    const match = /^(\w+):(\d+)\/(\d+)$/.exec(entry);
    const [points, durationSeconds] = [Number(match?.[2]), Number(match?.[3])];
    if (!match || !isRateClass(match[1]) || points < 1 || durationSeconds < 1) {
      throw new Error(
        `"${entry}" is not <class>:<requests>/<seconds> with a class among ${RATE_CLASSES.join(', ')} and both numbers at least 1`,
      );
    }
    limits[match[1]] = { points, durationSeconds };
  }
  return limits;
}

/** The limits of the classes one service applies. */
export const limitsOf = <C extends RateClass>(limits: RateLimitSettings, classes: readonly C[]): Record<C, OperationLimit> =>
  Object.fromEntries(classes.map((cls) => [cls, limits[cls]])) as Record<C, OperationLimit>;

/**
 * The one rate-limit setting of every service that limits (identity, REST adapter, the all-in-one launcher); spread
 * into its config schema.
 * - `RATE_LIMITS`: e.g. `login:5/60,register:20/3600,refresh:30/60,normal:100/60,upload:10/60,export:5/3600,
 *   partner_push:1000/3600,partner_query:100/60` (the defaults); name only the classes to change. A bad entry stops the service, naming it.
 * - `RATE_LIMIT_PREFIX`: namespace of the counters in Redis, so deployments (or test runs) sharing one Redis never
 *   count each other. Services of one deployment may share it: their classes differ.
 */
export const rateLimitConfigShape = {
  RATE_LIMITS: z
    .string()
    .optional()
    .transform((spec, ctx) => {
      try {
        return parseRateLimits(spec);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  RATE_LIMIT_PREFIX: z.string().min(1).default('limits'),
};
