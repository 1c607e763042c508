import { createHmac, timingSafeEqual } from 'node:crypto';

/** Hex HMAC-SHA256 over `<timestamp>.<raw body>` with the shared callback secret. */
export const signCallback = (secret: string, timestamp: string, rawBody: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');

/**
 * Whether a callback is the gateway's and fresh: the signature matches (compared in constant time) and the timestamp
 * (unix seconds) is within `windowSeconds` of now, so a captured callback cannot be replayed later. Inside the window
 * a replay changes nothing either: a link's payment is applied once (`PL-<link>`).
 */
export function verifyCallback(secret: string, timestamp: string | undefined, signature: string | undefined, rawBody: string, windowSeconds: number, now = Date.now()): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > windowSeconds) return false;
  const expected = Buffer.from(signCallback(secret, timestamp, rawBody), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
