import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export interface EdgePolicy {
  production: boolean;
  /** Exact origins allowed cross-origin; undefined: none in production, local pages (any port) in development. */
  corsOrigins?: readonly string[];
}

/** Pages served from this machine, for development only. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Request headers the contracts use (auth, 003 tenancy and idempotency, CCO partner signing). */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-request-id',
  'x-tenant-id',
  'x-user-id',
  'x-api-key',
  'x-timestamp',
  'x-signature',
  'x-tenant-code',
];

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response and an explicit CORS policy. The CSP allows what Swagger UI at /docs
 * needs (its own scripts and styles, inline styles, data: images) and nothing else; no page may frame the adapter.
 */
export async function registerEdgePolicy(app: FastifyInstance, policy: EdgePolicy): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Sent only over TLS (below): over plain HTTP it means nothing and would pin a development host to HTTPS.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });

  const origins = policy.corsOrigins ?? (policy.production ? [] : [LOCAL_ORIGIN]);
  await app.register(fastifyCors, {
    origin: origins.length ? [...origins] : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: ['x-request-id', 'x-response-time', 'retry-after'],
    // Bearer tokens, not cookies: a cross-origin page never rides on a browser's credentials.
    credentials: false,
    maxAge: 600,
  });
}
