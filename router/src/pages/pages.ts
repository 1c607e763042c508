import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { IntrospectionQuery } from 'graphql';
import { packageRoot } from './package-root';

/**
 * The pages a person opens in a browser, served from installed packages and this package's `public/` folder, so they
 * work offline and under the router's CSP (scripts from its own origin only, no inline script):
 * GraphiQL on GET /graphql (Accept: text/html) and the live notices page on /live.
 */
const PUBLIC = join(__dirname, '..', '..', 'public');

interface Asset {
  file: string;
  type: string;
}

const ASSETS: Record<string, Asset> = {
  'react.js': { file: join(packageRoot('react'), 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: join(packageRoot('react-dom'), 'umd', 'react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: join(packageRoot('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: join(packageRoot('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'graphql-ws.js': { file: join(packageRoot('graphql-ws'), 'umd', 'graphql-ws.min.js'), type: 'text/javascript' },
  'graphiql-start.js': { file: join(PUBLIC, 'graphiql-start.js'), type: 'text/javascript' },
  'live.js': { file: join(PUBLIC, 'live.js'), type: 'text/javascript' },
  'live.css': { file: join(PUBLIC, 'live.css'), type: 'text/css' },
  'page.css': { file: join(PUBLIC, 'page.css'), type: 'text/css' },
};

export const ASSET_PREFIX = '/pages/';

/**
 * Registers /pages/<asset>, /live and, when `schema` is given (not in production), /pages/schema.json: GraphiQL takes
 * the schema from there, since the standard introspection query is deeper and costlier than the router's limits
 * allow. Files are read once, at start.
 */
export function registerPages(app: FastifyInstance, schema?: () => IntrospectionQuery | undefined): void {
  if (schema) {
    app.get(`${ASSET_PREFIX}schema.json`, (_req, reply) => {
      const introspection = schema();
      return introspection ? reply.send(introspection) : reply.code(503).send({ error: 'schema not loaded yet' });
    });
  }
  const loaded = new Map(Object.entries(ASSETS).map(([name, asset]) => [name, { ...asset, body: readFileSync(asset.file) }]));
  app.get<{ Params: { name: string } }>(`${ASSET_PREFIX}:name`, (req, reply) => {
    const asset = loaded.get(req.params.name);
    if (!asset) return reply.code(404).send({ error: 'not found' });
    return reply.header('content-type', `${asset.type}; charset=utf-8`).header('cache-control', 'public, max-age=3600').send(asset.body);
  });
  const live = readFileSync(join(PUBLIC, 'live.html'));
  app.get('/live', (_req, reply) => reply.header('content-type', 'text/html; charset=utf-8').send(live));
}

const GRAPHIQL_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>GraphiQL · platform router</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${ASSET_PREFIX}graphiql.css">
  <link rel="stylesheet" href="${ASSET_PREFIX}page.css">
</head>
<body class="graphiql-page">
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${ASSET_PREFIX}react.js"></script>
  <script src="${ASSET_PREFIX}react-dom.js"></script>
  <script src="${ASSET_PREFIX}graphql-ws.js"></script>
  <script src="${ASSET_PREFIX}graphiql.js"></script>
  <script src="${ASSET_PREFIX}graphiql-start.js"></script>
</body>
</html>
`;

/** Apollo Server answers a browser's GET /graphql with this page (queries over HTTP, subscriptions over graphql-ws). */
export function graphiqlLandingPage(): ApolloServerPlugin {
  return {
    serverWillStart() {
      return Promise.resolve({
        renderLandingPage: () => Promise.resolve({ html: GRAPHIQL_HTML }),
      });
    },
  };
}
