import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrm, readRegistry, runMain } from '@platform/kit';
import { stopAll } from '@platform/testkit';
import { measure, type Measurement } from '../gateway/measure';
import { loadBenchConfig } from '../gateway/config';
import { databaseUrlOf, startSeparate } from '../gateway/topologies';
import { signInAdmin } from '../subscriptions/accounts';

/**
 * `npm run bench:notices`: how many `sendNotification`s per second activity acknowledges, straight to activity and
 * through the router (identity, activity and the router as separate processes, as in the subscriptions bench), on
 * SQLite files or MariaDB (NOTICES_DATABASE=mariadb, server NOTICES_MARIADB_URL). Each request is admin's notice to
 * itself (a user activity knows from identity's events). The gateway bench's flags apply (--duration,
 * --connections, --profile: `--cpu-prof` of activity and the router), and its CPU-per-request reading.
 */
const SEND = 'mutation BenchNotice { sendNotification(input: { recipientId: "RECIPIENT", title: "bench", body: "bench" }) { id createdAt } }';

runMain(async () => {
  const config = loadBenchConfig();
  const database = process.env.NOTICES_DATABASE === 'mariadb' ? 'mariadb' : 'sqlite';
  const workDir = mkdtempSync(join(tmpdir(), 'bench-notices-'));
  const profileDir = join(workDir, 'profiles');
  mkdirSync(profileDir);
  const databaseServer = database === 'mariadb' ? { url: process.env.NOTICES_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306', prefix: `bench_notices_${Date.now()}${randomInt(1000)}` } : undefined;
  const profile = (name: string) => (config.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : []);
  const topology = await startSeparate({
    config: { ...config, profile: false },
    workDir,
    profileDir,
    databaseServer,
    routerNodeArgs: profile('router'),
    subgraphNodeArgs: { activity: profile('activity') },
  });
  const rows: string[] = [];
  try {
    const admin = await signInAdmin(topology.routerUrl);
    const query = SEND.replace('RECIPIENT', admin.id);
    const processes = topology.processes.filter((p) => ['router', 'activity', 'identity'].includes(p.name));
    const paths = { direct: topology.direct.activity, router: topology.routerUrl };
    for (const [path, url] of Object.entries(paths)) {
      const m: Measurement = await measure({ url, query, token: admin.token }, config, processes);
      const cpu = Object.entries(m.cpuMsPerRequest).filter(([name]) => name !== 'bench' && m.cpuMsPerRequest[name] >= 0.05);
      rows.push(
        `| ${database} | ${path} | ${m.requestsPerSec} | ${m.latencyMs.p50} | ${m.latencyMs.p99} | ${cpu.map(([n, ms]) => `${n} ${ms.toFixed(2)}`).join(' + ')} | ${m.non2xx + m.errors + m.timeouts} | ${m.otherLoadCores} |`,
      );
      console.log(rows[rows.length - 1]);
    }
  } finally {
    await topology.stop();
    await stopAll();
    if (databaseServer) await dropDatabases(databaseServer);
    // The SQLite files and logs go; profiles stay for reading.
    if (!config.profile) rmSync(workDir, { recursive: true, force: true });
  }
  console.log(
    `\n${config.connections} connections, ${config.warmup} s warm-up + ${config.duration} s; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}` +
      `${config.profile ? `; profiles in ${profileDir}` : ''}\n\n` +
      `| database | path | notices/s | p50 ms | p99 ms | CPU ms/notice | failed | other load (cores) |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}`,
  );
});

/** Every subgraph's database of this run (those a subgraph did not make are skipped). */
async function dropDatabases(server: { url: string; prefix: string }): Promise<void> {
  for (const { name } of readRegistry()) {
    const orm = await createOrm({ entities: [], databaseUrl: databaseUrlOf(server, name) });
    try {
      await orm.schema.dropDatabase();
    } catch {
      // not made
    } finally {
      await orm.close();
    }
  }
}

