import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { createLogger, createTokenSigner, isProduction, MemoryRevocationList, RedisRevocationList } from '@platform/kit';
import { loadRouterConfig } from './config';
import type { UpstreamSubgraph } from './options';
import { createRouter } from './router';
import { readManifestHashes } from './trusted-documents/manifest';

/** The router as its own process: every subgraph remote, supergraph from the committed file. */
async function main(): Promise<void> {
  const config = loadRouterConfig();
  const logger = createLogger({ name: 'router', level: config.LOG_LEVEL });
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
  const subgraphs = Object.fromEntries(
    Object.entries(config.SUBGRAPH_URLS).map(([name, url]): [string, UpstreamSubgraph] => [name, { kind: 'remote', url }]),
  );
  const router = await createRouter({
    supergraphSdl: readFileSync(resolve(config.SUPERGRAPH_PATH), 'utf8'),
    subgraphs,
    signer: createTokenSigner(config.JWT_SECRET),
    revocations: redis ? new RedisRevocationList(redis) : new MemoryRevocationList(),
    production: isProduction(config),
    logger,
    limits: { depth: config.MAX_DEPTH, aliases: config.MAX_ALIASES, cost: config.MAX_COST },
    trustedProxies: config.TRUSTED_PROXIES,
    corsOrigins: config.CORS_ORIGINS,
    trustedDocuments: {
      mode: config.TRUSTED_DOCUMENTS,
      hashes: config.TRUSTED_DOCUMENTS === 'off' ? [] : readManifestHashes(resolve(config.TRUSTED_DOCUMENTS_PATH)),
      exemptPlatformAdmins: config.TRUSTED_DOCUMENTS_EXEMPT_ADMINS,
    },
  });
  const url = await router.listen(config.PORT, config.HOST);
  logger.info({ url: `${url}/graphql` }, 'router listening');

  // SIGHUP reloads the supergraph file (a deploy that recomposed it): open subscriptions stay open.
  process.on('SIGHUP', () => {
    try {
      router.updateSupergraph(readFileSync(resolve(config.SUPERGRAPH_PATH), 'utf8'));
      logger.info({ path: config.SUPERGRAPH_PATH }, 'supergraph reloaded');
    } catch (error) {
      logger.error({ err: error, path: config.SUPERGRAPH_PATH }, 'supergraph not reloaded; the current one stays');
    }
  });

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'router stopping');
    await router.close();
    redis?.disconnect();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
