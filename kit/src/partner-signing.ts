import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Partner (甲方) request signing, decisions.md § CCO and partner § 1.1, for both directions: the platform verifies
 * the pushes a tenant's core system signs, signs its own calls to that system the same way, and the core-system
 * simulator does the mirror image.
 */

/** A timestamp further than this from now is refused, and a signature is remembered this long. */
export const PARTNER_WINDOW_SECONDS = 300;

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

export interface PartnerSigningKey {
  apiKey: string;
  secret: string;
  /** X-Tenant-Code, sent on pushes to the platform. */
  tenantCode?: string;
}

/** The headers of a signed request carrying `rawBody` (send exactly these bytes as the body). */
export function partnerHeaders(key: PartnerSigningKey, rawBody: string, nowMs = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    'x-api-key': key.apiKey,
    'x-timestamp': timestamp,
    'x-signature': partnerSignature(key.secret, key.apiKey, timestamp, rawBody),
    ...(key.tenantCode ? { 'x-tenant-code': key.tenantCode } : {}),
  };
}
