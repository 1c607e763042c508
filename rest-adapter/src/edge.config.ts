import { isIP } from 'node:net';
import { z } from 'zod';
import { createTokenSigner, type Secret } from '@platform/kit';
import type { AdapterOptions } from './adapter';
import { DEFAULT_LIMITS, type Limit } from './framework/rate-limit';
import type { RateClass } from './framework/route';

const RATE_CLASSES = Object.keys(DEFAULT_LIMITS) as RateClass[];
const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** `login:5/60,normal:100/60` → per-class limits (points per window in seconds); classes not named keep 004's. */
const rateLimitsSetting = z.string().transform((value, ctx) => {
  const limits: Partial<Record<RateClass, Limit>> = {};
  for (const entry of list(value)) {
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

const isProxyEntry = (entry: string) => {
  if (PROXY_KEYWORDS.includes(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address!);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
};

/** Addresses or CIDR ranges of the proxies in front of the adapter (or loopback / linklocal / uniquelocal). */
const proxiesSetting = z.string().transform((value, ctx) => {
  const entries = list(value);
  const bad = entries.filter((entry) => !isProxyEntry(entry));
  if (bad.length) {
    ctx.addIssue({ code: 'custom', message: `not an address, CIDR range or ${PROXY_KEYWORDS.join('/')}: ${bad.join(', ')}` });
    return z.NEVER;
  }
  return entries;
});

/** Exact browser origins (`https://app.example.com`) allowed to call the adapter cross-origin. */
const originsSetting = z.string().transform((value, ctx) => {
  const entries = list(value);
  const bad = entries.filter((entry) => {
    try {
      return new URL(entry).origin !== entry;
    } catch {
      return true;
    }
  });
  if (bad.length) {
    ctx.addIssue({ code: 'custom', message: `not an origin (scheme://host[:port], no path): ${bad.join(', ')}` });
    return z.NEVER;
  }
  return entries;
});

/** The adapter's edge settings, shared by its own process's config and the all-in-one launcher's. */
export const adapterEdgeShape = {
  /** Per-class rate limits, e.g. `login:5/60,normal:100/60,upload:10/60,export:5/3600,register:20/3600`. */
  RATE_LIMITS: rateLimitsSetting.optional(),
  /** Proxies whose X-Forwarded-For is believed; nobody's by default. */
  TRUSTED_PROXIES: proxiesSetting.optional(),
  /** Browser origins allowed by CORS; none in production unless set, local pages in development. */
  CORS_ORIGINS: originsSetting.optional(),
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
