import {
  bearerToken,
  createOperationLimits,
  DomainError,
  limitsOf,
  RATE_LIMIT_DEFAULTS,
  type Logger,
  type OperationLimit,
  type TokenSigner,
} from '@platform/kit';
import { RestError } from './rest-error';
import { ADAPTER_RATE_CLASSES, type AdapterRateClass, type RateLimitRule, type RouteInput } from './route';

export interface RateLimiterOptions {
  /** Counters shared by every adapter instance; in memory when absent. */
  redisUrl?: string;
  /** Per class; the kit's defaults (004's values) for the classes not given. */
  limits?: Partial<Record<AdapterRateClass, OperationLimit>>;
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
  consume(rule: RateLimitRule, input: Pick<RouteInput, 'headers' | 'ip'>): Promise<void>;
  close(): Promise<void>;
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

/** Whom a request counts against: the verified user (however many tokens they hold), else the client address. */
function keyFor(input: Pick<RouteInput, 'headers' | 'ip'>, tokens: RateLimiterOptions['tokens']) {
  const user = verifiedUser(tokens, input.headers.authorization);
  return user ? `u:${user}` : `ip:${input.ip}`;
}

/** The adapter's classes on the kit's limiters (memory, or Redis with a per-instance fallback). */
export function createRateLimits(opts: RateLimiterOptions, logger: Logger): RateLimits {
  const limits = createOperationLimits({
    limits: { ...limitsOf(RATE_LIMIT_DEFAULTS, ADAPTER_RATE_CLASSES), ...opts.limits },
    redisUrl: opts.redisUrl,
    keyPrefix: opts.keyPrefix ?? 'limits',
    logger,
  });
  return {
    async consume(rule, input) {
      if (rule === 'none' || rule === 'operation') return;
      try {
        await limits.consume(rule.class, keyFor(input, opts.tokens));
      } catch (error) {
        if (error instanceof DomainError) throw new RestError(error.code, error.message, { retryAfterSeconds: error.details.retryAfterSeconds });
        throw error;
      }
    },
    close: () => limits.close(),
  };
}
