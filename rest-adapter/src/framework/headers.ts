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

/** What travels to the router: the allow-listed headers, the request id, and the client address. */
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

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's `X-Request-ID` when it is a sane token; otherwise a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined, fresh: () => string): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : fresh();
}
