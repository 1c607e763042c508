import { createTokenSigner, edgeConfigShape, limitsOf, rateLimitConfigShape, type RateLimitSettings, type Secret } from '@platform/kit';
import type { AdapterOptions } from './adapter';
import { ADAPTER_RATE_CLASSES } from './framework/route';

/**
 * The adapter's edge settings, shared by its own process's config and the all-in-one launcher's: the kit's
 * TRUSTED_PROXIES and CORS_ORIGINS (the router's too) and the kit's RATE_LIMITS and RATE_LIMIT_PREFIX (identity's
 * too: the adapter applies normal, upload and export; identity login, refresh and register).
 */
export const adapterEdgeShape = {
  ...edgeConfigShape,
  ...rateLimitConfigShape,
};

export interface AdapterEdgeConfig {
  NODE_ENV: string;
  JWT_SECRET?: Secret;
  REDIS_URL?: string;
  RATE_LIMITS: RateLimitSettings;
  RATE_LIMIT_PREFIX: string;
  TRUSTED_PROXIES?: string[];
  CORS_ORIGINS?: string[];
}

/** The adapter options these settings stand for. */
export function adapterEdgeOptions(cfg: AdapterEdgeConfig): Pick<AdapterOptions, 'trustedProxies' | 'corsOrigins'> & {
  rateLimiter: NonNullable<AdapterOptions['rateLimiter']>;
} {
  return {
    trustedProxies: cfg.TRUSTED_PROXIES ?? [],
    corsOrigins: cfg.CORS_ORIGINS,
    rateLimiter: {
      limits: limitsOf(cfg.RATE_LIMITS, ADAPTER_RATE_CLASSES),
      redisUrl: cfg.REDIS_URL,
      keyPrefix: cfg.RATE_LIMIT_PREFIX,
      tokens: cfg.JWT_SECRET ? createTokenSigner(cfg.JWT_SECRET) : undefined,
    },
  };
}
