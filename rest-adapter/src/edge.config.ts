import { z } from 'zod';
import { commaList, createTokenSigner, edgeConfigShape, type Secret } from '@platform/kit';
import type { AdapterOptions } from './adapter';
import { DEFAULT_LIMITS, type Limit } from './framework/rate-limit';
import type { RateClass } from './framework/route';

const RATE_CLASSES = Object.keys(DEFAULT_LIMITS) as RateClass[];

/** `login:5/60,normal:100/60` → per-class limits (points per window in seconds); classes not named keep 004's. */
const rateLimitsSetting = z.string().transform((value, ctx) => {
  const limits: Partial<Record<RateClass, Limit>> = {};
  for (const entry of commaList(value)) {
    const match = /^(\w+):(\d+)\/(\d+)$/.exec(entry);
    const cls = match?.[1] as RateClass | undefined;
    const points = Number(match?.[2]);
    const durationSeconds = Number(match?.[3]);
    if (!match || !RATE_CLASSES.includes(cls!) || points < 1 || durationSeconds < 1) {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry}" is not <class>:<requests>/<seconds> with a class among ${RATE_CLASSES.join(', ')} and both numbers at least 1`,
      });
      return z.NEVER;
    }
    limits[cls!] = { points, durationSeconds };
  }
  return limits;
});

/**
 * The adapter's edge settings, shared by its own process's config and the all-in-one launcher's: the kit's
 * TRUSTED_PROXIES and CORS_ORIGINS (the router's too) and the REST rate limits.
 */
export const adapterEdgeShape = {
  ...edgeConfigShape,
  /** Per-class rate limits, e.g. `login:5/60,normal:100/60,upload:10/60,export:5/3600,register:20/3600`. */
  RATE_LIMITS: rateLimitsSetting.optional(),
};

export interface AdapterEdgeConfig {
  NODE_ENV: string;
  JWT_SECRET?: Secret;
  RATE_LIMITS?: Partial<Record<RateClass, Limit>>;
  TRUSTED_PROXIES?: string[];
  CORS_ORIGINS?: string[];
}

/** The adapter options these settings stand for (merge `rateLimiter` with the store's options). */
export function adapterEdgeOptions(cfg: AdapterEdgeConfig): Pick<AdapterOptions, 'trustedProxies' | 'corsOrigins'> & {
  rateLimiter: NonNullable<AdapterOptions['rateLimiter']>;
} {
  return {
    trustedProxies: cfg.TRUSTED_PROXIES ?? [],
    corsOrigins: cfg.CORS_ORIGINS,
    rateLimiter: {
      limits: cfg.RATE_LIMITS,
      tokens: cfg.JWT_SECRET ? createTokenSigner(cfg.JWT_SECRET) : undefined,
    },
  };
}
