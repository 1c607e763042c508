import type { FastifyRequest } from 'fastify';

/**
 * The client's address: Fastify's `trustProxy` (fed from TRUSTED_PROXIES) believes X-Forwarded-For only from
 * trusted proxies and otherwise answers the TCP peer. The one place the adapter asks, for rate limits and for
 * what it tells the router.
 */
export const clientAddress = (request: FastifyRequest): string => request.ip;
