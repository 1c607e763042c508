import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Refresh tokens are opaque, not JWTs: `<family>.<secret>`, 128 + 256 random bits. The family names the session
 * (and never appears in access tokens); only SHA-256 of the secret is stored, which suffices for random secrets.
 */
export interface RefreshToken {
  family: string;
  secret: string;
}

export const newFamily = (): string => randomBytes(16).toString('hex');

export const newSecret = (): string => randomBytes(32).toString('base64url');

export const formatRefreshToken = (t: RefreshToken): string => `${t.family}.${t.secret}`;

export function parseRefreshToken(token: string): RefreshToken | null {
  const match = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { family: match[1], secret: match[2] } : null;
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
