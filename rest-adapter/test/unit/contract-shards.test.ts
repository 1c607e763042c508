import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CONTRACT_SHARDS } from '../support/contract-shard';

it('the contract suite runs on MariaDB + Redis whole: one file per shard, every shard there', () => {
  const shards = readdirSync(path.join(__dirname, '..')).filter((f) => /^contract-\d+\.int\.test\.ts$/.test(f)).sort();
  expect(shards).toEqual(Array.from({ length: CONTRACT_SHARDS }, (_, i) => `contract-${i + 1}.int.test.ts`).sort());
});
