import { keepRawJsonBodies } from './framework/raw-body';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  proxyTrust,
  registerHttpSecurity,
  requestIdFrom,
  type GraphQLExecutor,
  type HealthChecks,
  type Logger,
  type ObjectStorage,
} from '@platform/kit';
import { ALL_ROUTES, familyForPath, SOCKET_ROUTES } from './families';
import { buildOpenApi, type OpenApiDocument } from './framework/openapi';
import { ADAPTER_CORS } from './framework/cors-policy';
import { createRateLimits, type RateLimiterOptions } from './framework/rate-limit';
import { registerRoute, type PayloadCheck, type RouteConfig } from './framework/register-route';
import { sendError, toRestError } from './framework/render-error';
import { RestError } from './framework/rest-error';
import type { AppInfo, Route } from './framework/route';
import { assertOperationsValid } from './framework/validate-operations';
import { serveSocketRoutes } from './sockets/socket-server';

export interface AdapterOptions {
  executor: GraphQLExecutor;
  logger: Logger;
  production: boolean;
  /**
   * In-memory counters unless a Redis URL is given (shared across instances); with `tokens`, calls count per
   * verified user, else per client address.
   */
  rateLimiter?: RateLimiterOptions;
  /** When given, every operation is validated against it at start and a mismatch stops the adapter. */
  supergraphSdl?: string;
  /** database, redis, … for GET /api/health; the adapter adds `router` (the graph answers). */
  healthChecks?: () => Promise<HealthChecks>;
  app?: Partial<AppInfo>;
  /** The route tables to serve; every family's by default. */
  routes?: readonly Route[];
  /**
   * `TRUSTED_PROXIES` (kit edge-config.ts), as the router takes it: X-Forwarded-For (and -Proto) is believed only
   * from these proxies, so `request.ip` is the client address for rate limits and for what the router is told.
   * None by default.
   */
  trustedProxies?: readonly string[];
  /** `CORS_ORIGINS`; undefined: none in production, pages on this machine in development (kit http-security.ts). */
  corsOrigins?: readonly string[];
  /** Called with every route's answer before the envelope; the contract tests check it against `response`. */
  checkPayload?: PayloadCheck;
  /** Where uploads go and downloads come from (the files subgraph's store); the file routes answer 503 without it. */
  storage?: ObjectStorage;
  /**
   * The router's graphql-ws URL (`ws://…/graphql`), or how to read it once the router listens (embedded): the
   * documented WebSocket paths (`/ws/notifications`) are bridged to its subscriptions. Without it they are not served.
   */
  routerSocketUrl?: string | (() => string | undefined);
}

export interface Adapter {
  app: FastifyInstance;
  openapi: OpenApiDocument;
  /** Listens on `port` (0 picks one); resolves to the base URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const BODY_LIMIT = 10 * 1024 * 1024;

function graphHealth(executor: GraphQLExecutor) {
  return async (): Promise<'healthy' | 'unhealthy'> => {
    try {
      const result = await executor.execute({ query: '{ __typename }', headers: {} });
      return result.errors?.length ? 'unhealthy' : 'healthy';
    } catch {
      return 'unhealthy';
    }
  };
}

/**
 * The REST adapter: every documented path as a route that runs a GraphQL operation through the router and
 * answers in its contract family's envelope. It holds no business logic.
 */
export async function createAdapter(opts: AdapterOptions): Promise<Adapter> {
  const routes = opts.routes ?? ALL_ROUTES;
  if (opts.supergraphSdl) assertOperationsValid(opts.supergraphSdl, routes);
  const logger = opts.logger.child({ component: 'rest-adapter' });
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    // The router's trust too: `request.ip` and `request.protocol` follow only the configured proxies.
    trustProxy: proxyTrust(opts.trustedProxies),
    requestIdHeader: false,
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
  });
  keepRawJsonBodies(app);
  const info: AppInfo = {
    name: opts.app?.name ?? 'Federated Platform',
    version: opts.app?.version ?? '0.1.0',
    environment: opts.app?.environment ?? (opts.production ? 'production' : 'development'),
    buildTime: opts.app?.buildTime ?? new Date().toISOString(),
  };
  const pingGraph = graphHealth(opts.executor);
  const rateLimits = createRateLimits(opts.rateLimiter ?? {}, logger);
  app.addHook('onClose', () => rateLimits.close());
  const deps = {
    executor: opts.executor,
    logger,
    checkPayload: opts.checkPayload,
    storage: opts.storage,
    rateLimits,
    local: {
      app: info,
      startedAt: new Date(),
      health: async () => ({ ...(await opts.healthChecks?.()), router: await pingGraph() }),
    },
  };

  const openapi = buildOpenApi(routes, {
    title: 'Federated Platform REST API',
    version: info.version,
    description: 'The documented REST contracts (CCO, 001, 002, 003, 004), served over the federated graph.',
  });
  await app.register(fastifySwagger, { mode: 'static', specification: { document: openapi as never } });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  // After Swagger UI, whose CSP sources it reads; its hooks still reach every route, /docs and errors included.
  await registerHttpSecurity(app, {
    production: opts.production,
    corsOrigins: opts.corsOrigins,
    cspSources: { 'script-src': app.swaggerCSP.script, 'style-src': app.swaggerCSP.style },
    cors: ADAPTER_CORS,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('x-response-time', `${reply.elapsedTime.toFixed(1)}ms`);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    logger.info(
      { requestId: request.id, method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });
  app.setErrorHandler((error, request, reply) => {
    const route = (request.routeOptions.config as Partial<RouteConfig> | undefined)?.route;
    return sendError(reply, request, toRestError(error, logger), route?.family ?? familyForPath(request.url), route);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, request, new RestError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`), familyForPath(request.url), undefined),
  );

  // Multipart bodies are streamed by the upload routes themselves (never buffered): one file part per request.
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 10, fieldSize: 1024, parts: 12 } });

  app.get('/openapi.json', () => Promise.resolve(openapi));

  for (const route of routes) registerRoute(app, route, deps);
  const socketUrl = opts.routerSocketUrl;
  if (socketUrl !== undefined) {
    const sockets = serveSocketRoutes({
      server: app.server,
      routes: SOCKET_ROUTES,
      routerSocketUrl: typeof socketUrl === 'string' ? () => socketUrl : socketUrl,
      logger,
    });
    // Before the server closes: it waits for every connection, upgraded ones included.
    app.addHook('preClose', () => sockets.close());
  }

  return {
    app,
    openapi,
    async listen(port, host = '127.0.0.1') {
      return app.listen({ port, host });
    },
    close: () => app.close(),
  };
}
