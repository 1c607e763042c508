import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** Sources added to Content-Security-Policy directives, e.g. `{ 'script-src': [...app.swaggerCSP.script] }`. */
export type CspSources = Partial<Record<string, readonly string[]>>;

export interface HttpSecurityOptions {
  production: boolean;
  /**
   * Exact browser origins CORS lets call (`https://app.example.com`). Undefined: none in production (no CORS header
   * at all, so browsers keep the same-origin policy), pages on this machine (`localhost`, `127.0.0.1`, `[::1]`, any
   * port) in development.
   */
  corsOrigins?: readonly string[];
  /** What a page served by this app needs beyond `'self'` (Swagger UI's hashes, a landing page's CDN). */
  cspSources?: CspSources;
  /** What cross-origin callers may use beyond CORS's defaults (GET, HEAD, POST; the request headers they ask for). */
  cors?: {
    methods?: readonly string[];
    /** Request headers allowed; unset, whatever the preflight asks for. */
    allowedHeaders?: readonly string[];
    /** Response headers a page may read, besides `x-request-id`. */
    exposedHeaders?: readonly string[];
  };
}

/** Sent only on requests that came over TLS (directly, or through a trusted proxy's X-Forwarded-Proto). */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/** Pages served from this machine: the development default of CORS. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * Security headers on every response of `app` (its 404s and errors included) and its CORS policy. Its hooks are
 * the root's, so they reach routes registered before it too (register it after a plugin whose CSP needs it reads,
 * such as Swagger UI's `app.swaggerCSP`). Helmet's defaults, and: the app cannot be framed (`frame-ancestors 'none'`,
 * `X-Frame-Options: DENY`), no referrer leaves, styles and fonts from this origin only (helmet allows any `https:`
 * source), no `upgrade-insecure-requests` (plain HTTP in development must keep working; TLS is HSTS's job), HSTS
 * only over TLS.
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
    ...(opts.cors?.methods && { methods: [...opts.cors.methods] }),
    ...(opts.cors?.allowedHeaders && { allowedHeaders: [...opts.cors.allowedHeaders] }),
    exposedHeaders: ['x-request-id', ...(opts.cors?.exposedHeaders ?? [])],
    // Bearer tokens, never cookies: browsers need not send credentials.
    credentials: false,
    maxAge: 600,
  });
}

type Directives = ReturnType<typeof helmet.contentSecurityPolicy.getDefaultDirectives>;

const withoutAnyHttps = (sources: Directives[string] | undefined) => [...(sources ?? [])].filter((s) => s !== 'https:');

function cspDirectives(extra: CspSources): Record<string, Directives[string] | null> {
  const defaults = helmet.contentSecurityPolicy.getDefaultDirectives();
  const directives: Record<string, Directives[string] | null> = {
    ...defaults,
    'style-src': withoutAnyHttps(defaults['style-src']),
    'font-src': withoutAnyHttps(defaults['font-src']),
    'frame-ancestors': ["'none'"],
    'upgrade-insecure-requests': null,
  };
  for (const [name, sources] of Object.entries(extra)) {
    const base = [...(directives[name] ?? defaults['default-src'] ?? [])];
    directives[name] = [...new Set([...base, ...(sources ?? [])])];
  }
  return directives;
}

function corsOrigin(opts: HttpSecurityOptions): false | RegExp | string[] {
  const origins = opts.corsOrigins;
  if (origins === undefined) return opts.production ? false : LOCAL_ORIGIN;
  return origins.length ? [...origins] : false;
}
