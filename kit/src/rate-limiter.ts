import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError } from './errors';
import type { Logger } from './logging';

export interface OperationLimit {
  points: number;
  durationSeconds: number;
}

export interface OperationLimitsOptions<C extends string> {
  limits: Record<C, OperationLimit>;
  /** Counters shared by every instance (and by every way in: REST and GraphQL alike); in memory when absent. */
  redisUrl?: string;
  /** Namespace of the counters, so deployments (or test runs) sharing one Redis never count each other. */
  keyPrefix: string;
  logger?: Logger;
}

/**
 * Limits held where an operation runs (a subgraph), so every way of reaching it counts against one budget.
 * A Redis outage falls back to per-instance counters; both stores failing lets the request through (logged)
 * rather than refusing everyone.
 */
export interface OperationLimits<C extends string> {
  /** Counts one request against `key`; RATE_LIMITED once the budget is spent. */
  consume(cls: C, key: string): Promise<void>;
  /** RATE_LIMITED if `key`'s budget is spent already; counts nothing (check before a costly attempt). */
  assertOpen(cls: C, key: string): Promise<void>;
  /** Counts one failed attempt without refusing this one (it already failed). */
  penalise(cls: C, key: string): Promise<void>;
  /** Forgets `key`'s count (a success ends a run of failures). */
  reset(cls: C, key: string): Promise<void>;
  close(): Promise<void>;
}

export const rateLimited = (retryAfterSeconds: number) =>
  new DomainError('RATE_LIMITED', 'Too many requests; try again later', { retryAfterSeconds });

const CONNECT_WAIT_MS = 2_000;

/** Resolves once `redis` is ready, or has given up, or after `ms`: never rejects (the insurance limiter counts). */
function untilReady(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done).off('end', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    redis.once('ready', done).once('end', done);
  });
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export function createOperationLimits<C extends string>(opts: OperationLimitsOptions<C>): OperationLimits<C> {
  const redis = opts.redisUrl ? new Redis(opts.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null;
  redis?.on('error', () => undefined); // ioredis reconnects; the insurance limiter counts meanwhile
  const limiters = new Map<C, RateLimiterAbstract>();
  for (const [cls, limit] of Object.entries(opts.limits) as [C, OperationLimit][]) {
    const common = { points: limit.points, duration: limit.durationSeconds, keyPrefix: `${opts.keyPrefix}:${cls}` };
    const memory = new RateLimiterMemory(common);
    limiters.set(cls, redis ? new RateLimiterRedis({ ...common, storeClient: redis, insuranceLimiter: memory }) : memory);
  }
  // Commands fail at once until the client is ready (no offline queue), and would count in this instance alone: the
  // first requests after start wait for the connection, up to a bound, so that every instance counts together.
  const connected = redis ? untilReady(redis, CONNECT_WAIT_MS) : Promise.resolve();
  const limiter = async (cls: C) => {
    await connected;
    return limiters.get(cls)!;
  };
  const unavailable = (err: unknown) => opts.logger?.error({ err }, 'rate limiter unavailable');

  return {
    async consume(cls, key) {
      try {
        await (await limiter(cls)).consume(key);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) throw rateLimited(retryAfter(rejection));
        unavailable(rejection);
      }
    },
    async assertOpen(cls, key) {
      let res: RateLimiterRes | null;
      try {
        res = await (await limiter(cls)).get(key);
      } catch (err) {
        return unavailable(err);
      }
      if (res && res.consumedPoints >= opts.limits[cls].points) throw rateLimited(retryAfter(res));
    },
    async penalise(cls, key) {
      await (await limiter(cls)).penalty(key, 1).catch(unavailable);
    },
    async reset(cls, key) {
      await (await limiter(cls)).delete(key).catch(unavailable);
    },
    async close() {
      if (redis && redis.status !== 'end') await redis.quit().catch(() => redis.disconnect());
    },
  };
}
