import 'reflect-metadata';
import { createOrm, runMain } from '@platform/kit';
import { loadLeadsConfig } from './config';
import { LEADS_ENTITIES } from './entities';
import { rebuildTally } from './services/lead-tally';

/**
 * `npx node subgraphs/leads/dist/rebuild-tally.js [tenantId]`: recounts the statistics' lead tallies from the leads in
 * leads' DATABASE_URL, for one tenant or all. The migration that made the tally filled it once; run this after
 * writing leads around the subgraph (a bulk SQL import), or should the tally ever be doubted.
 */
export async function rebuildTallyCommand(args: string[], env: NodeJS.ProcessEnv = process.env, log = console.log): Promise<void> {
  const tenantId = args[0] === undefined ? undefined : Number(args[0]);
  if (tenantId !== undefined && !(Number.isSafeInteger(tenantId) && tenantId > 0)) throw new Error(`not a tenant id: ${args[0]}`);
  const config = loadLeadsConfig(env);
  const orm = await createOrm({ entities: LEADS_ENTITIES, databaseUrl: config.DATABASE_URL });
  try {
    const rows = await rebuildTally(orm.em.fork(), tenantId);
    log(`lead tallies rebuilt${tenantId === undefined ? '' : ` for tenant ${tenantId}`}: ${rows.tally} tally rows, ${rows.arrivals} arrival rows`);
  } finally {
    await orm.close();
  }
}

if (require.main === module) runMain(() => rebuildTallyCommand(process.argv.slice(2)));
