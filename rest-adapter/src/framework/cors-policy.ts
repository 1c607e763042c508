import type { HttpSecurityOptions } from '@platform/kit';
import { CONTRACT_HEADERS } from './headers';

/**
 * What a page on an allowed origin (kit registerHttpSecurity, CORS_ORIGINS) may do with the adapter: the contracts'
 * methods and request headers, and the response headers a client needs besides the request id.
 */
export const ADAPTER_CORS: NonNullable<HttpSecurityOptions['cors']> = {
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowedHeaders: ['content-type', 'x-request-id', ...CONTRACT_HEADERS],
  exposedHeaders: ['x-response-time', 'retry-after'],
};
