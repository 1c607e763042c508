import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyAddr from '@fastify/proxy-addr';
import { headerValue, type Headers } from './subgraph';

/** Whether the hop at `address` (`hop` 0 = the socket peer) is a proxy whose forwarding headers are believed. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * The trust of `TRUSTED_PROXIES`: addresses, CIDRs (`10.0.0.0/8`) and proxy-addr's names (`loopback`, `linklocal`,
 * `uniquelocal`). None by default: X-Forwarded-For is then nobody's word but the client's, and is ignored.
 * Throws on an entry that is not an address or range. Give the same trust to Fastify (`trustProxy`), so that
 * `request.ip` and `request.protocol` agree with {@link clientAddress}.
 */
export const proxyTrust = (trusted: readonly string[] = []): ProxyTrust =>
  trusted.length ? proxyAddr.compile([...trusted]) : () => false;

/**
 * The client's address: the socket peer, or, while the peer is a trusted proxy, the X-Forwarded-For hop it vouches
 * for (read right to left, stopping at the first hop not trusted). For a WebSocket upgrade, or any request without
 * Fastify's `request.ip`.
 */
export const clientAddress = (request: IncomingMessage, trust: ProxyTrust): string | undefined =>
  request.socket.remoteAddress === undefined ? undefined : proxyAddr(request, trust);

/** `a, b` → ['a', 'b']: the parsing of comma-separated settings such as TRUSTED_PROXIES. */
export const commaList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * The entries of a TRUSTED_PROXIES value that are not an address, a CIDR range (`10.0.0.0/8`, `10.0.0.0/255.0.0.0`)
 * or one of proxy-addr's names. Addresses in the plain dotted or colon form only: proxy-addr would also read
 * `3232235777` or `0x7f.1`, which no operator means to write.
 */
export function invalidProxyEntries(entries: readonly string[]): string[] {
  return entries.filter((entry) => {
    if (PROXY_NAMES.includes(entry)) return false;
    if (!isIP(entry.split('/')[0])) return true;
    try {
      proxyAddr.compile(entry);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * In a subgraph: the client's address as the router resolved it. The router sends exactly one address in
 * X-Forwarded-For (the socket peer, or what a proxy in TRUSTED_PROXIES vouched for; the REST adapter's own hop
 * carries the address it resolved the same way) and never passes on what a client wrote there. The first entry is
 * read so an older multi-hop header still yields the client's hop.
 */
export function clientAddressOf(headers: Headers): string | null {
  const first = headerValue(headers, 'x-forwarded-for')?.split(',')[0]?.trim();
  return first ? first.slice(0, 64) : null;
}
