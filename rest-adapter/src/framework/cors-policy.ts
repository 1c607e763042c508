import type { HttpSecurityOptions } from '@platform/kit';

/**
 * What a page on an allowed origin (kit registerHttpSecurity, CORS_ORIGINS) may do with the adapter: the contracts'
 * methods, the request headers they read (auth, 003 tenancy and idempotency, CCO partner signing), and the response
 * headers a client needs besides the request id.
 */
export const ADAPTER_CORS: NonNullable<HttpSecurityOptions['cors']> = {
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowedHeaders: [
    'authorization',
    'content-type',
    'x-request-id',
    'x-tenant-id',
    'x-user-id',
    'x-api-key',
    'x-timestamp',
    'x-signature',
    'x-tenant-code',
  ],
  exposedHeaders: ['x-response-time', 'retry-after'],
};
