import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { createErrorFormatter } from './errors';
import type { RequestContext } from './context';
import type { SubgraphRuntime } from './subgraph';

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
 * Serves a subgraph: GraphQL over HTTP at /graphql (queries, mutations, entity fetches from the router),
 * graphql-ws on the same path (subscriptions the router bridges), and /health.
 */
export async function serveSubgraph(runtime: SubgraphRuntime, opts: ServeOptions): Promise<Served> {
  const app = Fastify({ logger: false });
  const wss = new WebSocketServer({ server: app.server, path: '/graphql' });
  const ws = useServer(
    {
      schema: runtime.schema,
      context: (ctx) =>
        runtime.createContext({
          authorization: stringParam(ctx.connectionParams?.authorization),
          'x-request-id': stringParam(ctx.connectionParams?.requestId),
        }),
    },
    wss,
  );
  const apollo = new ApolloServer<RequestContext>({
    schema: runtime.schema,
    introspection: !opts.production,
    includeStacktraceInErrorResponses: !opts.production,
    formatError: createErrorFormatter({
      exposeInternals: !opts.production,
      onInternal: (error) => opts.logger.error({ err: error }, 'unexpected error'),
    }),
    logger: opts.logger,
    plugins: [fastifyApolloDrainPlugin(app), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  await app.register(fastifyApollo(apollo), { context: async (req) => runtime.createContext(req.headers) });
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

const stringParam = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
