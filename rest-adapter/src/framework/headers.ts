import type { FastifyRequest } from 'fastify';
import type { Headers } from '@platform/kit';

/** Request headers the graph may need: auth, tenancy (003), partner signing (CCO), the client. */
const FORWARDED = [
  'authorization',
  'x-tenant-id',
  'x-user-id',
  'x-api-key',
  'x-timestamp',
  'x-signature',
  'x-tenant-code',
  'user-agent',
] as const;

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
  return out;
}
