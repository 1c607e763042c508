import {
  createOperationLimits,
  DomainError,
  PARTNER_WINDOW_SECONDS,
  unauthenticated,
  type Logger,
  type OperationLimits,
  type RateLimitSettings,
} from '@platform/kit';

/** What a partner request does, for its per-key budget (decisions.md § CCO, partner § 8.4). */
export const PARTNER_REQUEST_KINDS = ['push', 'query'] as const;
export type PartnerRequestKind = (typeof PARTNER_REQUEST_KINDS)[number];

export type PartnerLimitClass = PartnerRequestKind | 'replay';

/**
 * The partner guards, counted through the kit's limiter so every instance shares them through Redis (in memory
 * without REDIS_URL): `push` (RATE_LIMITS `partner_push`, 1000 an hour) and `query` (`partner_query`, 100 a minute)
 * are per-key budgets; `replay` remembers each signature for twice the window (one point: a second use inside it is
 * refused), long enough that a timestamp still accepted can never be replayed.
 */
export function createPartnerLimits(
  limits: RateLimitSettings,
  redisUrl: string | undefined,
  keyPrefix: string,
  logger?: Logger,
): OperationLimits<PartnerLimitClass> {
  return createOperationLimits({
    limits: {
      push: limits.partner_push,
      query: limits.partner_query,
      replay: { points: 1, durationSeconds: 2 * PARTNER_WINDOW_SECONDS },
    },
    redisUrl,
    keyPrefix: `${keyPrefix}:partner`,
    logger,
  });
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
