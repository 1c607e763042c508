import path from 'node:path';
import { readRegistry, runMain, SUBGRAPHS_DIR } from '@platform/kit';
import { loadSubgraph } from './registered-subgraphs';

/**
 * `npm run migrations -- <subgraph> [mariadb://root@127.0.0.1:3306]`: writes the next schema migration (MariaDB and
 * libSQL) of a registered subgraph after an entity change, into its source tree (src/migrations).
 */
runMain(async () => {
  const [name, mysqlUrl = 'mariadb://root@127.0.0.1:3306'] = process.argv.slice(2);
  const entry = readRegistry().find((e) => e.name === name);
  if (!entry) throw new Error(`usage: npm run migrations -- <${readRegistry().map((e) => e.name).join('|')}> [mysql url]`);
  const written = await loadSubgraph(entry).createMigrations({
    path: path.join(SUBGRAPHS_DIR, entry.name, 'src', 'migrations'),
    mysqlUrl,
  });
  console.log(written.length ? `written:\n${written.join('\n')}` : 'schema up to date: nothing written');
});
