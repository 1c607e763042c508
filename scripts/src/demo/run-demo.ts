import { createOrm, type Logger } from '@platform/kit';
import { COLLECTIONS_ENTITIES, type CollectionsRuntime } from '@platform/collections';
import { startPlatform } from '../embedded';
import { signInAdmin } from './demo-accounts';
import { seedDemoCollections, type DemoSummary } from './demo-collections';
import { httpGraph, throwingErrors, type DemoGraph } from './demo-graph';
import type { DemoOptions } from './demo-options';

/**
 * Embedded: starts the platform in this process on the configured storage (DATA_DIR / DATABASE_URL, as `npm start`
 * does — stop the running platform first when it uses the same SQLite files), fills the tenant, stops.
 * Against a running platform (`router`): accounts through its router, collections rows into `collectionsDb`.
 */
export async function runDemo(options: DemoOptions, env: NodeJS.ProcessEnv = process.env, logger?: Logger): Promise<DemoSummary> {
  if (options.router) {
    const orm = await createOrm({ databaseUrl: options.collectionsDb, entities: COLLECTIONS_ENTITIES, logger: () => undefined });
    try {
      const graph = httpGraph(options.router);
      return await seedDemoCollections(graph, await signInAdmin(graph, options), orm.em, options);
    } finally {
      await orm.close();
    }
  }
  const platform = await startPlatform({ env, logger });
  try {
    const graph: DemoGraph = async <T>(query: string, variables?: Record<string, unknown>, token?: string) =>
      throwingErrors<T>(await platform.router.executor.execute({ query, variables, headers: token ? { authorization: `Bearer ${token}` } : {} }));
    const collections = platform.subgraphs.find((s) => s.name === 'collections') as unknown as CollectionsRuntime | undefined;
    if (!collections) throw new Error('the collections subgraph is not registered');
    return await seedDemoCollections(graph, await signInAdmin(graph, options), collections.orm.em, options);
  } finally {
    await platform.close();
  }
}
