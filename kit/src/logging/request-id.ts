import { randomUUID } from 'node:crypto';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id when it is a sane token (safe to log and to echo in a header); otherwise a fresh UUID. */
export function requestIdFrom(value: unknown): string {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && REQUEST_ID.test(first) ? first : randomUUID();
}
