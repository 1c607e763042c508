import { join } from 'node:path';
import { runMain } from '@platform/kit';
import { activity } from './activity.subgraph';

/**
 * Writes the next schema migration (MariaDB and libSQL) after an entity change:
 * `npx tsc -b subgraphs/activity && npx node subgraphs/activity/dist/create-migrations.js [mariadb://root@127.0.0.1:3306]`.
 * Migrations are written into the source tree (src/migrations), then built with the rest.
 */
if (require.main === module) {
  runMain(async () => {
    const path = join(__dirname, '..', 'src', 'migrations');
    const written = await activity.createMigrations({ path, mysqlUrl: process.argv[2] ?? 'mariadb://root@127.0.0.1:3306' });
    console.log(written.length ? `written:\n${written.join('\n')}` : 'schema up to date: nothing written');
  });
}
