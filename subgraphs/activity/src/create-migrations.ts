import { join } from 'node:path';
import { createMigrations } from '@platform/kit';
import { ACTIVITY_ENTITIES } from './entities';

/**
 * Writes the next schema migration (MariaDB and libSQL) after an entity change:
 * `npx tsc -b subgraphs/activity && npx node subgraphs/activity/dist/create-migrations.js [mariadb://root@127.0.0.1:3306]`.
 * Migrations are written into the source tree (src/migrations), then built with the rest.
 */
async function main(): Promise<void> {
  const mysqlUrl = process.argv[2] ?? 'mariadb://root@127.0.0.1:3306';
  const path = join(__dirname, '..', 'src', 'migrations');
  const written = await createMigrations({ entities: ACTIVITY_ENTITIES, path, mysqlUrl });
  console.log(written.length ? `written:\n${written.join('\n')}` : 'schema up to date: nothing written');
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
