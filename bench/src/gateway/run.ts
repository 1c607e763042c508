import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { loadBenchConfig, type BenchConfig } from './config';
import { graphql } from './graphql-client';
import { measure } from './measure';
import { stopAll } from '@platform/testkit';
import { SCENARIOS } from './queries';
import { bestRounds, formatTable, ratios, type Row } from './report';
import { seedThroughRouter } from './seed';
import { startEmbedded, startSeparate, type Mode, type TopologyOptions } from './topologies';

/**
 * `npm run bench`: the router's cost. Each mode starts its own processes on fresh SQLite files, seeds through the
 * router, then for each query measures the subgraph directly and through the router with the same load.
 */
async function main(): Promise<void> {
  const config = loadBenchConfig();
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const resultsDir = resolve(__dirname, '../../results');
  const profileDir = join(resultsDir, `profiles-${stamp}`);
  mkdirSync(config.profile ? profileDir : resultsDir, { recursive: true });
  const workRoot = mkdtempSync(join(tmpdir(), 'bench-gateway-'));
  log(`settings: ${JSON.stringify(config)}; work dir ${workRoot}`);

  const rows: Row[] = [];
  try {
    for (const mode of config.modes) {
      const workDir = join(workRoot, mode);
      mkdirSync(workDir);
      rows.push(...(await runMode(mode, { config, workDir, profileDir })));
    }
  } finally {
    await stopAll();
  }
  const best = bestRounds(rows);
  const found = ratios(best);
  const table = formatTable(best, found);
  process.stdout.write(`\n${table}\n`);

  const file = join(resultsDir, `${stamp}.json`);
  writeFileSync(file, JSON.stringify({ startedAt, machine: machine(), settings: config, best, ratios: found, measurements: rows }, null, 2));
  log(`results written to ${file}${config.profile ? `; CPU profiles in ${profileDir}` : ''}`);
  rmSync(workRoot, { recursive: true, force: true });
}

async function runMode(mode: Mode, opts: TopologyOptions & { config: BenchConfig }): Promise<Row[]> {
  log(`${mode}: starting`);
  const topology = await (mode === 'embedded' ? startEmbedded(opts) : startSeparate(opts));
  const rows: Row[] = [];
  try {
    const seeded = await seedThroughRouter(topology.routerUrl, opts.config);
    for (const scenario of SCENARIOS.filter((s) => opts.config.queries.includes(s.id))) {
      const targets = {
        direct: { url: topology.direct[scenario.subgraph], query: scenario.directQuery },
        router: { url: topology.routerUrl, query: scenario.routerQuery },
      };
      for (let round = 1; round <= opts.config.rounds; round++) {
        for (const path of ['direct', 'router'] as const) {
          const { url, query } = targets[path];
          for (let attempt = 0; attempt <= opts.config.retries; attempt++) {
            // The load must be the full, error-free answer, before and after.
            scenario.check(await graphql(url, query, { token: seeded.token }), seeded);
            const m = await measure({ url, query, token: seeded.token }, opts.config, topology.processes);
            scenario.check(await graphql(url, query, { token: seeded.token }), seeded);
            const noisy = m.otherLoadCores > opts.config.noisyCores;
            log(
              `${mode} ${scenario.id} ${path} #${round}: ${m.requestsPerSec} req/s, p50 ${m.latencyMs.p50} ms, ` +
                `p99 ${m.latencyMs.p99} ms, other load ${m.otherLoadCores} cores (waited ${m.waitedSeconds} s for quiet)` +
                (noisy ? (attempt < opts.config.retries ? ' — noisy, repeating' : ' — noisy') : ''),
            );
            rows.push({ mode, scenario: scenario.id, path, round, noisy, measurement: m });
            if (!noisy) break;
          }
        }
      }
    }
  } finally {
    await topology.stop();
  }
  return rows;
}

function machine() {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopAll().finally(() => process.exit(130)));
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
