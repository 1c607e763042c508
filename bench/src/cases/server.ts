import { startPlatform } from '@platform/scripts';

/**
 * The measured process: the whole platform (adapter, router, every subgraph) as `npm start` runs it, on the
 * databases the bench prepared. Reports its URLs over IPC; the bench reads its memory from /proc.
 */
async function main(): Promise<void> {
  const platform = await startPlatform();
  const { routerUrl, adapterUrl } = await platform.listen();
  process.send?.({ routerUrl: `${routerUrl}/graphql`, adapterUrl });
  const stop = async () => {
    await platform.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  process.once('disconnect', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
