import { createLogger, isProduction, serveSubgraph } from '@platform/kit';
import { loadIdentityConfig } from './config';
import { createIdentity } from './runtime';

/** Separate-process mode: `npx node subgraphs/identity/dist/main.js` serves identity on PORT (4001). */
export async function listen(port?: number) {
  const config = loadIdentityConfig();
  const logger = createLogger({ name: 'identity', level: config.LOG_LEVEL });
  const runtime = await createIdentity(config, { logger });
  const served = await serveSubgraph(runtime, {
    port: port ?? config.PORT,
    host: config.HOST,
    production: isProduction(config),
    logger,
  });
  logger.info({ url: served.url }, 'identity subgraph listening');
  return {
    url: served.url,
    async close() {
      await served.close();
      await runtime.close();
    },
  };
}

if (require.main === module) {
  listen().then(
    (server) => {
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
