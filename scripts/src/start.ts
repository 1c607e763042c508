import { startPlatform } from './embedded';

/** `npm start`: everything in one process, on SQLite under ./data unless DATABASE_URL / REDIS_URL say otherwise. */
async function main(): Promise<void> {
  const platform = await startPlatform();
  const { routerUrl, adapterUrl } = await platform.listen();
  const { config } = platform;
  const storage = config.DATABASE_URL ? 'MySQL (one database per subgraph)' : `SQLite under ${config.DATA_DIR}`;
  const bus = config.REDIS_URL ? 'Redis' : 'in-process';
  process.stdout.write(
    [
      '',
      'Platform is up.',
      `  GraphQL (HTTP + graphql-ws)  ${routerUrl}/graphql`,
      `  router health / readiness    ${routerUrl}/health  ${routerUrl}/ready`,
      `  REST adapter                 ${adapterUrl}`,
      `  API docs (Swagger UI)        ${adapterUrl}/docs   (OpenAPI: ${adapterUrl}/openapi.json)`,
      `  storage: ${storage}; events and subscriptions: ${bus}`,
      '  sign in: superadmin / 123456, tenantadmin / admin123, admin / Admin123456 (development seed)',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    platform.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
