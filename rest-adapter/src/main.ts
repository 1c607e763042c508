import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { createLogger, createStorage } from '@platform/kit';
import { createAdapter } from './adapter';
import { loadAdapterConfig } from './config';
import { adapterEdgeOptions } from './edge.config';
import { httpExecutor } from '@platform/router';

/** The adapter as its own process, in front of a router reached over HTTP. */
async function main(): Promise<void> {
  const config = loadAdapterConfig();
  const logger = createLogger({ name: 'rest-adapter', level: config.LOG_LEVEL });
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 1 }) : undefined;
  const adapter = await createAdapter({
    executor: httpExecutor(config.ROUTER_URL),
    storage: createStorage(config),
    // graphql-ws is served on the router's GraphQL path.
    routerSocketUrl: config.ROUTER_URL.replace(/^http/, 'ws'),
    logger,
    production: config.NODE_ENV === 'production',
    ...adapterEdgeOptions(config),
    supergraphSdl: config.SUPERGRAPH_PATH ? readFileSync(config.SUPERGRAPH_PATH, 'utf8') : undefined,
    healthChecks: redis
      ? async () => ({ redis: await redis.ping().then(() => 'healthy' as const, () => 'unhealthy' as const) })
      : undefined,
  });
  const url = await adapter.listen(config.PORT, config.HOST);
  logger.info({ url, router: config.ROUTER_URL }, 'REST adapter listening');

  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await adapter.close();
    redis?.disconnect();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
   
  console.error(error);
  process.exit(1);
});
