import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One line of subgraphs/registry.json; everything else about a subgraph follows from its name. */
export interface RegistryEntry {
  name: string;
  /** Where it listens in the production shape (docker-compose). */
  port: number;
}

/** The repository's subgraphs/ folder, from kit/src (jest) or kit/dist (tsc). */
export const SUBGRAPHS_DIR = join(__dirname, '..', '..', 'subgraphs');

/** The registry of subgraphs, in start order: read by the launcher, the schema script, jest, compose checks, bench. */
export function readRegistry(path = join(SUBGRAPHS_DIR, 'registry.json')): RegistryEntry[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { subgraphs?: RegistryEntry[] };
  const entries = parsed.subgraphs ?? [];
  for (const entry of entries) {
    if (!/^[a-z][a-z0-9-]*$/.test(entry.name) || !Number.isInteger(entry.port)) {
      throw new Error(`subgraphs/registry.json: bad entry ${JSON.stringify(entry)}`);
    }
  }
  return entries;
}

export const packageOf = (entry: Pick<RegistryEntry, 'name'>) => `@platform/${entry.name}`;
/** Its own database on a shared MySQL server (docker/mysql-init.sh creates it). */
export const databaseOf = (entry: Pick<RegistryEntry, 'name'>) => `platform_${entry.name}`;
/** Its address in the production shape: the compose service named after it. */
export const serviceUrlOf = (entry: RegistryEntry) => `http://${entry.name}:${entry.port}/graphql`;
