import { headerValue, type Headers } from '@platform/kit';

/**
 * The client's address as the edge reported it: the first hop of X-Forwarded-For (the adapter writes the client's
 * address there, the router appends its own peer). Anyone calling the router directly can forge it, so it is only
 * recorded (sessions, audits), never used to decide anything.
 */
export function clientAddressOf(headers: Headers): string | null {
  const first = headerValue(headers, 'x-forwarded-for')?.split(',')[0]?.trim();
  return first ? first.slice(0, 64) : null;
}
