import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Secret } from '@platform/kit';

const VERSION = 'v1';

/**
 * AES-256-GCM for partner API secrets at rest. The secret must be recoverable (it keys HMAC signatures), so it is
 * encrypted, not hashed; the key is derived from CREDENTIALS_KEY with HKDF so any long passphrase works.
 */
export class CredentialCipher {
  readonly #key: Buffer;

  constructor(material: Secret) {
    this.#key = Buffer.from(hkdfSync('sha256', material.reveal(), 'platform-identity', 'api-credential-secret', 32));
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
