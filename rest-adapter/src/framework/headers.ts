import type { FastifyRequest } from 'fastify';
import { DB_TIME_HEADER, type Headers } from '@platform/kit';

/** The contracts' own request headers: auth, tenancy and idempotency (003), partner signing (CCO). */
export const CONTRACT_HEADERS = ['authorization', 'x-tenant-id', 'x-user-id', 'x-api-key', 'x-timestamp', 'x-signature', 'x-tenant-code'] as const;

/** Request headers the graph may need: the contracts' and the client's. */
const FORWARDED = [...CONTRACT_HEADERS, 'user-agent'] as const;

/**
 * What travels to the router: the allow-listed headers, the request id, and the client address as Fastify resolved it
 * with the kit's proxy trust (adapter.ts), never the client's own X-Forwarded-For, which anyone can write.
 */
export function forwardedHeaders(request: FastifyRequest): Headers {
  const out: Headers = {};
  for (const name of FORWARDED) {
    const value = request.headers[name];
    if (value !== undefined) out[name] = value;
  }
  out['x-request-id'] = request.id;
  out['x-forwarded-for'] = request.ip;
  // The subgraphs' SQL time comes back as `extensions.dbTimeMs` (002's performance.dbTime).
  out[DB_TIME_HEADER] = '1';
  return out;
}
