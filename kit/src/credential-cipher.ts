import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Secret, secret } from './config';

const VERSION = 'v1';
const DEV_CREDENTIALS_KEY = 'development-only-credentials-key-change-me-0123';

/** `CREDENTIALS_KEY`: key material for secrets kept at rest (a 256-bit key per purpose is derived from it with HKDF). */
export const credentialsKeyShape = {
  CREDENTIALS_KEY: secret(z.string().min(32, 'must be at least 32 characters')).default(new Secret(DEV_CREDENTIALS_KEY)),
};

/** Production refuses the development key (`.superRefine` beside productionGuards). */
export function credentialsKeyGuard(cfg: { NODE_ENV: string; CREDENTIALS_KEY: Secret }, ctx: z.RefinementCtx): void {
  if (cfg.NODE_ENV === 'production' && cfg.CREDENTIALS_KEY.reveal() === DEV_CREDENTIALS_KEY) {
    ctx.addIssue({ code: 'custom', path: ['CREDENTIALS_KEY'], message: 'must be set in production' });
  }
}

/** What a cipher's key is for: HKDF salt and info, so each kind of secret gets its own key from one CREDENTIALS_KEY. */
export interface CipherPurpose {
  salt: string;
  info: string;
}

/**
 * AES-256-GCM for secrets that must be recoverable (they key HMAC signatures or are sent to another system), so
 * encrypted, not hashed; the key is derived from CREDENTIALS_KEY with HKDF so any long passphrase works.
 */
export class CredentialCipher {
  readonly #key: Buffer;

  constructor(material: Secret, purpose: CipherPurpose) {
    this.#key = Buffer.from(hkdfSync('sha256', material.reveal(), purpose.salt, purpose.info, 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unknown credential ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
