import { rebuildTallyCommand } from '@platform/leads';
import { dropDatabases, uniqueDatabaseUrl } from '@platform/testkit';
import { LeadsClient, TENANT } from './support/harness';
import { tallyCases } from './support/tally-cases';

// On MariaDB the backfill goes through the rebuild command itself (its own connection from DATABASE_URL).
const databaseUrl = uniqueDatabaseUrl('leads_tally');
const logged: string[] = [];
afterAll(async () => {
  await dropDatabases(databaseUrl);
  expect(logged).toEqual([expect.stringMatching(/^lead tallies rebuilt for tenant 1: \d+ tally rows, \d+ arrival rows$/)]);
});

describe('the statistics tallies on MariaDB', () =>
  tallyCases(
    () => LeadsClient.start({ DATABASE_URL: databaseUrl }),
    () => rebuildTallyCommand([TENANT], { ...process.env, DATABASE_URL: databaseUrl }, (line) => logged.push(line)),
  ));
