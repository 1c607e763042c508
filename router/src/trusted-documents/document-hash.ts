import { createHash } from 'node:crypto';
import { parse, print } from 'graphql';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The hash a trusted document is known by: SHA-256 of its printed form, so layout and comments do not matter.
 * The REST adapter sends documents already printed, whose plain SHA-256 is then the same.
 */
export const documentHash = (source: string): string => sha256(print(parse(source)));
