import { headerValue, type Headers } from '@platform/kit';

/**
 * The client's address as the router resolved it: the router sends exactly one address in X-Forwarded-For (the
 * socket peer, or what a proxy in TRUSTED_PROXIES vouched for; see kit client-address.ts), and never passes on what
 * a client wrote there. The first entry is read so an older multi-hop header still yields the client's hop.
 */
export function clientAddressOf(headers: Headers): string | null {
  const first = headerValue(headers, 'x-forwarded-for')?.split(',')[0]?.trim();
  return first ? first.slice(0, 64) : null;
}
