import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** Sources added to Content-Security-Policy directives, e.g. `{ 'script-src': [...swaggerCSP.script] }`. */
export type CspSources = Partial<Record<string, readonly string[]>>;

export interface HttpSecurityOptions {
  production: boolean;
  /**
   * Browser origins CORS lets call (`https://app.example.com`; `*` for any). Undefined: none in production (no CORS
   * header at all, so browsers keep the same-origin policy), any origin in development (tools on localhost).
   */
  corsOrigins?: readonly string[];
  /** What a page served by this app needs beyond `'self'` (Swagger UI's hashes, a landing page's CDN). */
  cspSources?: CspSources;
}

/** Sent only on requests that came over TLS (directly, or through a trusted proxy's X-Forwarded-Proto). */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response of `app` (its 404s and errors included) and its CORS policy. Register it
 * right after creating the app, before any route. Helmet's defaults, and: the app cannot be framed (`frame-ancestors
 * 'none'`, `X-Frame-Options: DENY`), no referrer leaves, no `upgrade-insecure-requests` (plain HTTP in development
 * must keep working; TLS is HSTS's job), HSTS only over TLS.
 */
export async function registerHttpSecurity(app: FastifyInstance, opts: HttpSecurityOptions): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: true, directives: cspDirectives(opts.cspSources ?? {}) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS_VALUE);
  });
  await app.register(cors, {
    origin: corsOrigin(opts),
    // Bearer tokens, never cookies: browsers need not send credentials.
    credentials: false,
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
}

type Directives = ReturnType<typeof helmet.contentSecurityPolicy.getDefaultDirectives>;

function cspDirectives(extra: CspSources): Record<string, Directives[string] | null> {
  const defaults = helmet.contentSecurityPolicy.getDefaultDirectives();
  const directives: Record<string, Directives[string] | null> = {
    ...defaults,
    'frame-ancestors': ["'none'"],
    'upgrade-insecure-requests': null,
  };
  for (const [name, sources] of Object.entries(extra)) {
    const base = [...(directives[name] ?? defaults['default-src'] ?? [])];
    directives[name] = [...new Set([...base, ...(sources ?? [])])];
  }
  return directives;
}

function corsOrigin(opts: HttpSecurityOptions): boolean | string | string[] {
  const origins = opts.corsOrigins;
  if (origins === undefined) return !opts.production;
  if (origins.includes('*')) return '*';
  return origins.length ? [...origins] : false;
}
