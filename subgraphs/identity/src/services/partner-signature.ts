import { createHmac, timingSafeEqual } from 'node:crypto';
import { createOperationLimits, DomainError, unauthenticated, type Logger, type OperationLimits } from '@platform/kit';

/** decisions.md § CCO: a timestamp further than this from now is refused, and a signature is remembered this long. */
export const PARTNER_WINDOW_SECONDS = 300;
/** decisions.md § CCO: pushes are limited to 1000 an hour per key. */
export const PARTNER_PUSHES_PER_HOUR = 1000;

export type PartnerLimitClass = 'push' | 'replay';

/**
 * The partner guards, counted through the kit's limiter so every instance shares them through Redis (in memory
 * without REDIS_URL): `push` is the per-key budget, `replay` remembers each signature for twice the window (one point:
 * a second use inside it is refused), long enough that a timestamp still accepted can never be replayed.
 */
export function createPartnerLimits(redisUrl: string | undefined, keyPrefix: string, logger?: Logger): OperationLimits<PartnerLimitClass> {
  return createOperationLimits({
    limits: {
      push: { points: PARTNER_PUSHES_PER_HOUR, durationSeconds: 3600 },
      replay: { points: 1, durationSeconds: 2 * PARTNER_WINDOW_SECONDS },
    },
    redisUrl,
    keyPrefix: `${keyPrefix}:partner`,
    logger,
  });
}

/** hex HMAC-SHA256(secret, apiKey + timestamp + rawBody): partner § 1.1. */
export const partnerSignature = (secret: string, apiKey: string, timestamp: string, rawBody: string): string =>
  createHmac('sha256', secret).update(apiKey + timestamp + rawBody, 'utf8').digest('hex');

/** Constant-time comparison of two hex signatures (a length mismatch is simply unequal). */
export function signaturesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Unix seconds within the window of now. */
export function timestampFresh(timestamp: string, nowMs = Date.now()): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= PARTNER_WINDOW_SECONDS;
}

/** Every refusal says the same to the caller (which check failed is logged, not told). */
export const partnerRefused = () => unauthenticated('签名验证失败', { reason: 'PARTNER_SIGNATURE' });

/** A replayed signature consumes the `replay` budget's one point: RATE_LIMITED there means seen before → 401. */
export async function rememberSignature(limits: OperationLimits<PartnerLimitClass>, signature: string): Promise<void> {
  try {
    await limits.consume('replay', signature);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'RATE_LIMITED') throw partnerRefused();
    throw error;
  }
}
