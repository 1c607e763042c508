import { createLogger, isProduction, serveSubgraph } from '@platform/kit';
import { loadActivityConfig } from './config';
import { createActivity } from './runtime';

/** Runs activity as its own process: GraphQL over HTTP and graphql-ws on /graphql, plus /health. */
async function main(): Promise<void> {
  const config = loadActivityConfig();
  const logger = createLogger({ name: 'activity', level: config.LOG_LEVEL });
  const runtime = await createActivity(config, { logger });
  const served = await serveSubgraph(runtime, { port: config.PORT, host: config.HOST, production: isProduction(config), logger });
  logger.info({ url: served.url }, 'activity listening');
  const stop = async (signal: string) => {
    logger.info({ signal }, 'activity stopping');
    await served.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
