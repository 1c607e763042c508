import argon2 from 'argon2';

import { PASSWORD_POLICY } from './password-policy';

/** decisions.md: minimum length 6 by default (the documents' own examples use `123456`); see password-policy.ts. */
export const MIN_PASSWORD_LENGTH = PASSWORD_POLICY.defaultMinLength;

// OWASP's argon2id baseline (19 MiB, 2 passes): strong, yet ~20 ms so a login stays fast.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string): Promise<string> => argon2.hash(plain, OPTIONS);

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password; with no hash (unknown login) it still spends the same time on a dummy hash,
 * so response times do not tell which logins exist.
 */
export async function verifyPassword(hash: string | undefined, plain: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('not-a-real-password');
    await argon2.verify(await dummyHash, plain);
    return false;
  }
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}
