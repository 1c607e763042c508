import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { NoSchemaIntrospectionCustomRule, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { ServerOptions } from 'graphql-ws';
import { WebSocketServer } from 'ws';
import { createErrorFormatter, DomainError, withHttpStatus, type InternalErrorInfo } from './errors';
import type { RequestContext } from './context';
import { dbTimePlugin } from './db/db-timer';
import { signedInPlugin } from './signed-in';
import { loggedContext, operationLogPlugin, requestIdFrom, SocketOperationLog, type Logger } from './logging';
import type { ProxyTrust } from './client-address';
import type { SubgraphRuntime } from './subgraph';
import { hideSuggestions } from './suggestions';

export interface ServeOptions {
  port: number;
  host?: string;
  production: boolean;
  logger: Logger;
}

export interface Served {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/**
 * The largest GraphQL request the router and the subgraphs take (Fastify's default is 1 MiB): what the REST adapter
 * accepts (up to its own 10 MiB) must pass on — a partner push travels as its raw bytes, for the signature, and
 * parsed; the collector app's face photos as base64. Operation size is bounded separately (the router's limits).
 */
export const GRAPHQL_BODY_LIMIT = 24 * 1024 * 1024;

/**
 * A Fastify app whose request id is the caller's `x-request-id` when sane (else a fresh UUID), answered in the
 * `x-request-id` header and carried by Fastify's own log lines. Request lines are left to the operation log,
 * which says more (operation name, type, error codes).
 */
export function createHttpApp(logger: Logger, opts: { trustProxy?: ProxyTrust } = {}): FastifyInstance {
  const app = Fastify({
    // `request.ip` and `request.protocol` then follow the same trust as clientAddress().
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: GRAPHQL_BODY_LIMIT,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- without it tsc picks fastify's overload for a generic logger and the instance type no longer matches FastifyInstance
    loggerInstance: logger.child({ component: 'http' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    requestIdHeader: false,
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  return app;
}

/**
 * Serves a subgraph: GraphQL over HTTP at /graphql (queries, mutations, entity fetches from the router),
 * graphql-ws on the same path (subscriptions the router bridges), and /health.
 */
export async function serveSubgraph(runtime: SubgraphRuntime, opts: ServeOptions): Promise<Served> {
  const app = createHttpApp(opts.logger);
  const wss = new WebSocketServer({ server: app.server, path: '/graphql' });
  const ws = useServer(socketOptions(runtime, opts.logger, opts.production), wss);
  const apollo = new ApolloServer<RequestContext>({
    schema: runtime.schema,
    introspection: !opts.production,
    includeStacktraceInErrorResponses: !opts.production,
    formatError: createErrorFormatter({
      hideSuggestions: opts.production,
      onInternal: logInternal(opts.logger),
    }),
    logger: opts.logger,
    plugins: [
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginInlineTraceDisabled(),
      dbTimePlugin<RequestContext>(),
      signedInPlugin<RequestContext>(),
      // Debug, not info: the router already logs every operation that reaches a subgraph.
      operationLogPlugin<RequestContext>({ logger: opts.logger, level: 'debug', requestIdOf: (ctx) => ctx.requestId }),
    ],
  });
  await apollo.start();
  await app.register(fastifyApollo(apollo), {
    context: async (req, reply) =>
      loggedContext(() => refusedAs401(runtime.createContext({ ...req.headers, 'x-request-id': req.id })), {
        logger: opts.logger,
        level: 'debug',
        requestId: req.id,
        operationName: (req.body as BodyFields)?.operationName,
        elapsedMs: () => reply.elapsedTime,
      }),
  });
  app.get('/health', async (_req, reply) => {
    const checks = await runtime.health();
    const ok = Object.values(checks).every((s) => s === 'healthy');
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'healthy' : 'unhealthy', checks });
  });
  const address = await app.listen({ port: opts.port, host: opts.host ?? '127.0.0.1' });
  return {
    app,
    url: `${address}/graphql`,
    async close() {
      await ws.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await app.close();
    },
  };
}

/**
 * A token refused while building the context is a 401 UNAUTHENTICATED, as the router answers it; a subgraph called
 * directly must not answer 500 for the caller's mistake. Anything else stays a 500.
 */
async function refusedAs401<C>(context: Promise<C>): Promise<C> {
  try {
    return await context;
  } catch (error) {
    throw error instanceof DomainError && error.code === 'UNAUTHENTICATED' ? withHttpStatus(error, 401) : error;
  }
}

/** The `onInternal` of an error formatter: the error with the request it broke. */
export const logInternal =
  (logger: Logger) =>
  (error: unknown, { requestId }: InternalErrorInfo): void =>
    logger.error({ err: error, requestId }, 'unexpected error');

/**
 * graphql-ws for the router's subscription bridge. The router sends the caller's token, request id and address per
 * operation in `extensions` (its upstream socket is shared by every caller's subscriptions), older callers once in
 * `connectionParams`.
 */
function socketOptions(runtime: SubgraphRuntime, logger: Logger, production: boolean): ServerOptions {
  const log = new SocketOperationLog(logger, 'debug');
  return {
    schema: runtime.schema,
    // Apollo's `introspection: false` covers HTTP only.
    validate: production
      ? (schema, document) => validate(schema, document, [...specifiedRules, NoSchemaIntrospectionCustomRule])
      : undefined,
    // The router multiplexes many callers' subscriptions over one socket: each operation names its caller in
    // `extensions` (verified here like a header); a socket of one caller may give it once, in connectionParams.
    context: (ctx, _id, payload) =>
      runtime.createContext({
        authorization: stringParam(payload.extensions?.authorization) ?? stringParam(ctx.connectionParams?.authorization),
        'x-request-id': requestIdFrom(payload.extensions?.requestId ?? ctx.connectionParams?.requestId),
        'x-forwarded-for': stringParam(payload.extensions?.forwardedFor),
      }),
    onSubscribe: (ctx, id, payload) => log.begin(ctx, id, undefined, payload.operationName),
    onOperation: (ctx, id, _payload, args, result) =>
      log.executing(ctx, id, args, result, (args.contextValue as RequestContext).requestId),
    onNext: (ctx, id, _payload, _args, result) => {
      const errors = result.errors?.map((e) => e.toJSON());
      log.errors(ctx, id, errors);
      if (production && errors) return { ...result, errors: hideSuggestions(errors) };
    },
    onError: (ctx, id, _payload, errors) => {
      const formatted = errors.map((e) => e.toJSON());
      log.errors(ctx, id, formatted);
      log.refused(ctx, id);
      if (production) return hideSuggestions(formatted);
    },
    onComplete: (ctx, id) => log.end(ctx, id),
  };
}

type BodyFields = { operationName?: unknown } | undefined;

const stringParam = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
