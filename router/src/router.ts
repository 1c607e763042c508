import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
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
  type CspSources,
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
import { operationLimitErrors } from './limits/operation-limits';
import type { RouterOptions } from './options';
import { documentGate } from './trusted-documents/trusted-documents';
import { localUpstream } from './subscriptions/local-upstream';
import { RemoteUpstreams } from './subscriptions/remote-upstream';
import { subscriptionBridge } from './subscriptions/subscription-bridge';
import { serveSubscriptions } from './subscriptions/subscription-server';
import { QUERY_PLANNER_CONFIG, supergraphState, type SupergraphState } from './subscriptions/supergraph-state';
import type { Upstream } from './subscriptions/upstream';

export interface Router {
  app: FastifyInstance;
  /** Runs operations in this process, for the embedded REST adapter. */
  executor: GraphQLExecutor;
  gateway: ApolloGateway;
  /** Starts the HTTP + WebSocket server; resolves to its base URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

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

  const gateway = new ApolloGateway({
    supergraphSdl: opts.supergraphSdl,
    buildService: ({ name }) => dataSources[name],
    logger: opts.logger,
    queryPlannerConfig: QUERY_PLANNER_CONFIG,
  });
  let state: SupergraphState | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    state = supergraphState(apiSchema, coreSupergraphSdl);
  });

  const formatError = createErrorFormatter({
    hideSuggestions: opts.production,
    onInternal: logInternal(opts.logger),
  });
  const trust = proxyTrust(opts.trustedProxies);
  const app = createHttpApp(opts.logger, { trustProxy: trust });
  await registerHttpSecurity(app, {
    production: opts.production,
    corsOrigins: opts.corsOrigins,
    cspSources: opts.production ? {} : LANDING_PAGE_CSP,
  });
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
      // No page for browsers in production: the endpoint is for clients, and a page would load a CDN's scripts.
      opts.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault(),
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
  const subscriptions = await serveSubscriptions({
    server: app.server,
    path: GRAPHQL_PATH,
    production: opts.production,
    authenticate: (authorization) => authenticate(opts.signer, opts.revocations, authorization),
    revocations: opts.revocations,
    recheckMs: opts.subscriptionRecheckMs,
    clientAddress: (request) => clientAddress(request, trust),
    refuseDocument: gate,
    schema: () => state?.apiSchema,
    rules: routerValidationRules(limits, productionRules),
    limitErrors: (operation) => operationLimitErrors(limits, operation),
    subscribe: subscriptionBridge({ state: () => state, dataSources, upstreams, logger: opts.logger }),
    run,
    formatError,
    logger: opts.logger,
  });

  return {
    app,
    gateway,
    executor: inProcessExecutor(run, buildContext, formatError, opts.logger),
    async listen(port, host = '127.0.0.1') {
      return app.listen({ port, host });
    },
    async close() {
      await subscriptions.close();
      await remotes.close();
      // Stops the gateway and, through the drain plugin, closes Fastify.
      await apollo.stop();
    },
  };
}

/** What Apollo's development landing page (Sandbox) loads, beside its own nonce-pinned meta CSP. */
const LANDING_PAGE_CSP: CspSources = {
  'script-src': ["'unsafe-inline'", 'https://apollo-server-landing-page.cdn.apollographql.com', 'https://embeddable-sandbox.cdn.apollographql.com'],
  'img-src': ['https://apollo-server-landing-page.cdn.apollographql.com'],
  'manifest-src': ['https://apollo-server-landing-page.cdn.apollographql.com'],
  'frame-src': ['https://sandbox.embed.apollographql.com'],
  'style-src': ['https://fonts.googleapis.com'],
  'font-src': ['https://fonts.gstatic.com'],
};

function assertEverySubgraphConfigured(opts: RouterOptions): void {
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

function mapValues<A, B>(record: Record<string, A>, fn: (value: A, key: string) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value, key)]));
}
