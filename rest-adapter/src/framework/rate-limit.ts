import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { bearerToken, type Logger, type TokenSigner } from '@platform/kit';
import { RestError } from './rest-error';
import type { RateClass, RateLimitRule, RouteInput } from './route';

export interface Limit {
  points: number;
  durationSeconds: number;
}

/**
 * 004 "限流说明": login 5/min, normal 100/min, upload 10/min, export 5/hour. No document limits sign-ups:
 * 20 an hour per client address lets an office register its staff but not mint accounts (and so rate-limit
 * buckets) without bound.
 */
export const DEFAULT_LIMITS: Record<RateClass, Limit> = {
  login: { points: 5, durationSeconds: 60 },
  normal: { points: 100, durationSeconds: 60 },
  upload: { points: 10, durationSeconds: 60 },
  export: { points: 5, durationSeconds: 3600 },
  register: { points: 20, durationSeconds: 3600 },
};

export interface RateLimiterOptions {
  /** Shared counters across adapter instances; in-memory counters when absent. */
  redis?: Redis;
  limits?: Partial<Record<RateClass, Limit>>;
  /** Namespace of the counters, so deployments (or test runs) sharing one Redis never count each other. */
  keyPrefix?: string;
  /**
   * Verifies a bearer token, so a request counts against its user. Without it (or for a token that does not
   * verify) a request counts against its client address: a forged or freshly minted token never buys a fresh budget.
   */
  tokens?: Pick<TokenSigner, 'verifyAccess'>;
}

export interface RateLimits {
  /** Counts one request; throws RATE_LIMITED (with `retryAfterSeconds`) when the class's budget is spent. */
  consume(rule: RateLimitRule, input: Pick<RouteInput, 'headers' | 'ip'>, rawBody: unknown): Promise<void>;
}

function limiterFor(cls: RateClass, limit: Limit, redis: Redis | undefined, prefix: string): RateLimiterAbstract {
  const common = { points: limit.points, duration: limit.durationSeconds, keyPrefix: `${prefix}:${cls}` };
  const memory = new RateLimiterMemory(common);
  // A Redis outage falls back to per-instance counters rather than failing or un-limiting requests.
  return redis ? new RateLimiterRedis({ ...common, storeClient: redis, insuranceLimiter: memory }) : memory;
}

/** The verified user behind a bearer token, or undefined (no token, or one that does not verify). */
function verifiedUser(tokens: RateLimiterOptions['tokens'], authorization: string | string[] | undefined) {
  const token = bearerToken(authorization);
  if (!token || !tokens) return undefined;
  try {
    return tokens.verifyAccess(token).userId;
  } catch {
    return undefined;
  }
}

/**
 * Whom a request counts against. Login: the login id and the client address together, so one attacker cannot
 * lock an account for everyone and one office behind a NAT is not throttled as a whole. Registration: the
 * client address. Others: the verified user (however many tokens they hold), else the client address.
 */
function keyFor(
  rule: Exclude<RateLimitRule, 'none'>,
  input: Pick<RouteInput, 'headers' | 'ip'>,
  rawBody: unknown,
  tokens: RateLimiterOptions['tokens'],
) {
  if (rule.class === 'login') {
    const body = rawBody && typeof rawBody === 'object' ? (rawBody as Record<string, unknown>) : {};
    const login = typeof body[rule.loginField] === 'string' ? (body[rule.loginField] as string) : '';
    return `${login.trim().toLowerCase()}|${input.ip}`;
  }
  const user = rule.class === 'register' ? undefined : verifiedUser(tokens, input.headers.authorization);
  return user ? `u:${user}` : `ip:${input.ip}`;
}

export function createRateLimits(opts: RateLimiterOptions, logger: Logger): RateLimits {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const limiters = Object.fromEntries(
    (Object.keys(limits) as RateClass[]).map((cls) => [cls, limiterFor(cls, limits[cls], opts.redis, opts.keyPrefix ?? 'rest')]),
  ) as Record<RateClass, RateLimiterAbstract>;
  return {
    async consume(rule, input, rawBody) {
      if (rule === 'none') return;
      try {
        await limiters[rule.class].consume(keyFor(rule, input, rawBody, opts.tokens));
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
          throw new RestError('RATE_LIMITED', 'Too many requests', { retryAfterSeconds });
        }
        // Both stores failed: serve the request rather than refuse everyone.
        logger.error({ err: rejection }, 'rate limiter unavailable');
      }
    },
  };
}
