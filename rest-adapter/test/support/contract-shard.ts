import { readdirSync } from 'node:fs';
import path from 'node:path';

/** How many files the contract suite is split into on MariaDB + Redis (`contract-<n>.int.test.ts`, n = 1…SHARDS). */
export const CONTRACT_SHARDS = 6;

/**
 * Registers the `shard`th of every CONTRACT_SHARDS contract test files (sorted, dealt in turn) to run again on MariaDB +
 * Redis: startTestPlatform gives each its own databases on the server DATABASE_URL names. Split so that no one test
 * file holds every platform the suite starts: jest restarts its worker between files once it outgrows its memory.
 */
export function registerContractShard(shard: number): void {
  const dir = path.join(__dirname, '..', 'contract');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .filter((_, i) => i % CONTRACT_SHARDS === shard - 1);
  for (const file of files) {
    describe(file, () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest collects tests synchronously: a describe block cannot await import(), so each file is required into its own block
      require(path.join(dir, file));
    });
  }
}
