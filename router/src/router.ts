import type { AddressInfo } from 'node:net';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import { introspectionFromSchema, NoSchemaIntrospectionCustomRule } from 'graphql';
import {
  authenticate,
  clientAddress,
  ConfigError,
  createErrorFormatter,
  createHttpApp,
  dbTimePlugin,
  logInternal,
  loggedContext,
  operationLogPlugin,
  proxyTrust,
  registerHttpSecurity,
  type GraphQLExecutor,
} from '@platform/kit';
import { contextBuilder, type RouterContext } from './context';
import { LocalDataSource } from './datasources/local.data-source';
import { ForwardingDataSource } from './datasources/remote.data-source';
import { subgraphHealth } from './health';
import { inProcessExecutor, operationRunner } from './in-process-executor';
import { jsonStatusPlugin } from './json-status.plugin';
import { resolveLimits } from './limits/limits';
import { costLimitPlugin, limitRules, routerValidationRules } from './limits/limits.plugin';
import { operationLimitErrors, type ResolvedOperation } from './limits/operation-limits';
import { graphiqlLandingPage, registerPages } from './pages/pages';
import type { RouterOptions } from './options';
import { documentGate } from './trusted-documents/trusted-documents';
import { EntityBatchingDataSource } from './subscriptions/entity-batching.data-source';
import { localUpstream } from './subscriptions/local-upstream';
import { RemoteUpstreams } from './subscriptions/remote-upstream';
import { subscriptionBridge } from './subscriptions/subscription-bridge';
import { serveSubscriptions } from './subscriptions/subscription-server';
import { watchSessions } from './subscriptions/session-sockets';
import { serveEventStreams } from './subscriptions/sse-server';
import { QUERY_PLANNER_CONFIG, supergraphState, type SupergraphState } from './subscriptions/supergraph-state';
import type { Upstream } from './subscriptions/upstream';

export interface Router {
  app: FastifyInstance;
  /** Runs operations in this process, for the embedded REST adapter. */
  executor: GraphQLExecutor;
  gateway: ApolloGateway;
  /** Starts the HTTP + WebSocket server; resolves to its base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** The graphql-ws URL (`ws://host:port/graphql`) once listening; undefined before. */
  socketUrl(): string | undefined;
  /**
   * Serves another supergraph without a restart: new operations are planned on it, open subscriptions keep their
   * upstream and are re-planned for their next events. Throws (and keeps the current one) when it is invalid or
   * names a subgraph the router has no connection for.
   */
  updateSupergraph(supergraphSdl: string): void;
  close(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';
/** GraphQL over Server-Sent Events (graphql-sse), beside graphql-ws. */
const EVENT_STREAM_PATH = '/graphql/stream';

/**
 * The federated router: @apollo/gateway from a static supergraph behind Apollo Server on Fastify
 * (POST/GET /graphql, /health, /ready), and a graphql-ws endpoint on the same path bridging subscriptions.
 */
export async function createRouter(opts: RouterOptions): Promise<Router> {
  assertEverySubgraphConfigured(opts);
  const limits = resolveLimits(opts.limits);
  const dataSources = mapValues(opts.subgraphs, (subgraph, name): GraphQLDataSource =>
    subgraph.kind === 'local' ? new LocalDataSource(subgraph.runtime) : new ForwardingDataSource(name, subgraph.url),
  );
  const remotes = new RemoteUpstreams(opts.logger);
  const upstreams = mapValues(opts.subgraphs, (subgraph): Upstream =>
    subgraph.kind === 'local' ? localUpstream(subgraph.runtime) : remotes.forUrl(subgraph.url),
  );

  let pushSupergraph: ((supergraphSdl: string) => void) | undefined;
  const gateway = new ApolloGateway({
    // A hook rather than the SDL itself, so that updateSupergraph can swap it while the router runs.
    supergraphSdl: ({ update }) => {
      pushSupergraph = update;
      return Promise.resolve({ supergraphSdl: opts.supergraphSdl });
    },
    buildService: ({ name }) => dataSources[name],
    logger: opts.logger,
    queryPlannerConfig: QUERY_PLANNER_CONFIG,
  });
  let state: SupergraphState | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    state = supergraphState(apiSchema, coreSupergraphSdl);
  });
  // Subscription events' entity fetches: shared per claim set where the current supergraph declares every field
  // fetched claim-scoped by the subgraph asked, else per caller.
  const eventSources = mapValues(
    dataSources,
    (source, name): GraphQLDataSource =>
      new EntityBatchingDataSource(
        source,
        (query) => state?.claimScoped.isClaimScoped(name, query) ?? false,
        opts.subscriptionBatchWindowMs,
      ),
  );

  const formatError = createErrorFormatter({
    hideSuggestions: opts.production,
    onInternal: logInternal(opts.logger),
  });
  const trust = proxyTrust(opts.trustedProxies);
  const app = createHttpApp(opts.logger, { trustProxy: trust });
  await registerHttpSecurity(app, {
    production: opts.production,
    corsOrigins: opts.corsOrigins,
  });
  registerPages(app, opts.production ? undefined : () => state && introspectionFromSchema(state.apiSchema));
  const apollo = new ApolloServer<RouterContext>({
    gateway,
    introspection: !opts.production,
    includeStacktraceInErrorResponses: !opts.production,
    csrfPrevention: true,
    // Automatic persisted queries would let a hash stand for a document the allow-list never saw with this caller.
    persistedQueries: opts.trustedDocuments && opts.trustedDocuments.mode !== 'off' ? false : undefined,
    formatError,
    validationRules: limitRules(limits),
    plugins: [
      costLimitPlugin(limits),
      jsonStatusPlugin(),
      // The context holds a timer only when the client asked (contextBuilder).
      dbTimePlugin<RouterContext>(() => true),
      fastifyApolloDrainPlugin(app),
      // GraphiQL from the installed package (no CDN); none in production, where introspection is off anyway.
      opts.production ? ApolloServerPluginLandingPageDisabled() : graphiqlLandingPage(),
      operationLogPlugin<RouterContext>({ logger: opts.logger, level: 'info', requestIdOf: (ctx) => ctx.headers['x-request-id'] }),
    ],
    stopOnTerminationSignals: false,
    logger: opts.logger,
  });
  await apollo.start();

  const buildContext = contextBuilder(opts.signer, opts.revocations);
  const gate = documentGate(opts.trustedDocuments, opts.logger);
  await app.register(fastifyApollo(apollo), {
    path: GRAPHQL_PATH,
    // The id Fastify settled on (the client's when sane), so the response header and the logs agree.
    context: async (req, reply) =>
      loggedContext(async () => {
        const context = await buildContext({ ...req.headers, 'x-request-id': req.id }, req.ip);
        const refused = gate(sourceOf(req), context.caller);
        if (refused) throw refused;
        return context;
      }, {
        logger: opts.logger,
        level: 'info',
        requestId: req.id,
        operationName: (req.body as BodyFields)?.operationName,
        elapsedMs: () => reply.elapsedTime,
      }),
  });
  app.get('/health', () => Promise.resolve({ status: 'ok' }));
  app.get('/ready', async (_req, reply) => {
    const subgraphs = await subgraphHealth(opts.subgraphs);
    const ready = state !== undefined && Object.values(subgraphs).every((s) => s === 'healthy');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', subgraphs });
  });

  const run = operationRunner(apollo);
  const productionRules = opts.production ? [NoSchemaIntrospectionCustomRule] : [];
  const authenticateBearer = (authorization: string | undefined) => authenticate(opts.signer, opts.revocations, authorization);
  // One tracker for every stream, graphql-ws and SSE alike: a revoked session ends all of them.
  const watch = await watchSessions({
    authenticate: authenticateBearer,
    revocations: opts.revocations,
    recheckMs: opts.subscriptionRecheckMs,
    logger: opts.logger,
  });
  const streaming = {
    authenticate: authenticateBearer,
    sessions: watch.sessions,
    refuseDocument: gate,
    schema: () => state?.apiSchema,
    rules: routerValidationRules(limits, productionRules),
    limitErrors: (operation: ResolvedOperation) => operationLimitErrors(limits, operation),
    // Events fanned out to many subscriptions share their entity fetches (per caller, or per claim set).
    subscribe: subscriptionBridge({ state: () => state, dataSources: eventSources, upstreams, logger: opts.logger }),
    run,
    formatError,
    logger: opts.logger,
  };
  serveEventStreams({ ...streaming, app, path: EVENT_STREAM_PATH });
  const subscriptions = serveSubscriptions({
    ...streaming,
    server: app.server,
    path: GRAPHQL_PATH,
    production: opts.production,
    clientAddress: (request) => clientAddress(request, trust),
  });

  return {
    app,
    gateway,
    executor: inProcessExecutor(run, buildContext, formatError, opts.logger),
    async listen(port, host = '127.0.0.1') {
      return app.listen({ port, host });
    },
    socketUrl: () => socketUrlOf(app.server.address()),
    updateSupergraph(supergraphSdl) {
      assertEverySubgraphConfigured({ ...opts, supergraphSdl });
      if (!pushSupergraph) throw new Error('The gateway has not loaded its first supergraph yet');
      pushSupergraph(supergraphSdl);
    },
    async close() {
      await watch.close();
      await subscriptions.close();
      await remotes.close();
      // Stops the gateway and, through the drain plugin, closes Fastify.
      await apollo.stop();
    },
  };
}

function assertEverySubgraphConfigured(opts: Pick<RouterOptions, 'supergraphSdl' | 'subgraphs'>): void {
  const names = Supergraph.build(opts.supergraphSdl)
    .subgraphsMetadata()
    .map((s) => s.name);
  const missing = names.filter((name) => !opts.subgraphs[name]);
  if (missing.length) {
    throw new ConfigError('router', missing.map((name) => `subgraph "${name}" is in the supergraph but not configured`));
  }
}

type BodyFields = { operationName?: unknown; query?: unknown } | undefined;

/** The document text of a POST body or GET query string (Apollo refuses anything else). */
function sourceOf(req: { body?: unknown; query?: unknown }): string | undefined {
  const query = (req.body as BodyFields)?.query ?? (req.query as BodyFields)?.query;
  return typeof query === 'string' ? query : undefined;
}

function socketUrlOf(address: AddressInfo | string | null): string | undefined {
  if (!address || typeof address === 'string') return undefined;
  // A wildcard bind is reached on this machine through loopback.
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `ws://${address.family === 'IPv6' && host !== '127.0.0.1' ? `[${host}]` : host}:${address.port}${GRAPHQL_PATH}`;
}

function mapValues<A, B>(record: Record<string, A>, fn: (value: A, key: string) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value, key)]));
}
