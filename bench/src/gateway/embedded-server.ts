import { createLogger, serveSubgraph } from '@platform/kit';
import { startPlatform } from '@platform/scripts';

/**
 * Child process of the embedded mode: `startPlatform` (router calling identity and activity in-process) and, for
 * the direct measurements, each of those same runtimes served over HTTP by kit's serveSubgraph on a port of its own.
 * Reports its URLs to the bench over IPC; settings come from the environment the bench prepared.
 */
async function main(): Promise<void> {
  const platform = await startPlatform();
  const { routerUrl } = await platform.listen();
  const logger = createLogger({ name: 'bench-embedded', level: platform.config.LOG_LEVEL });
  const served = await Promise.all(
    platform.subgraphs.map((runtime) => serveSubgraph(runtime, { port: 0, production: false, logger })),
  );
  const direct = Object.fromEntries(platform.subgraphs.map((runtime, i) => [runtime.name, served[i].url]));
  process.send?.({ routerUrl: `${routerUrl}/graphql`, direct });

  const stop = async () => {
    for (const s of served) await s.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  // The bench went away without stopping us.
  process.once('disconnect', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
