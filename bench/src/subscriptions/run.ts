import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { stopAll } from '@platform/testkit';
import { jwtSecret, startSeparate } from '../gateway/topologies';
import { createRecipients, mintRecipients, signInAdmin, type Recipient } from './accounts';
import { loadSubscriptionsConfig } from './config';
import { findPublicNotice, findSseEndpoint } from './discover';
import { runPhase, type PhaseResult } from './phase';
import { formatTable } from './report';
import { keepSetup, takeSetup, type SetupState } from './setup-state';

/**
 * `npm run bench:subscriptions`: live notices at scale. identity, activity and the router in processes of their
 * own (the gateway bench's separate mode), N recipients subscribed over graphql-ws from several client processes,
 * a steady stream of notices and one notice to everybody; then the same over graphql-sse if the router serves it.
 */
async function main(): Promise<void> {
  const config = loadSubscriptionsConfig();
  if (config.selection !== 'plain' && config.accounts < config.subscribers) {
    throw new Error(`--selection=${config.selection} needs every subscriber to be an account (--accounts=0): identity has no user for a bench-signed token`);
  }
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const resultsDir = resolve(__dirname, '../../results');
  mkdirSync(resultsDir, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'bench-subscriptions-'));
  log(`settings: ${JSON.stringify(config)}; work dir ${workDir}`);

  const kept = takeSetup(config.stateDir, workDir, config.accounts);
  log(`setup: ${kept.reason}`);
  const secret = kept.state?.jwtSecret ?? jwtSecret();
  const topology = await startSeparate({
    config: { redisUrl: config.redisUrl, logLevel: config.logLevel, profile: false },
    workDir,
    profileDir: workDir,
    routerNodeArgs: ['--expose-gc', '-r', join(__dirname, 'memory-probe.js')],
    jwtSecret: secret,
  });
  const phases: PhaseResult[] = [];
  const skipped: string[] = [];
  let setupSeconds: number | undefined;
  let toKeep: SetupState | undefined;
  try {
    const routerPid = topology.processes.find((p) => p.name === 'router')!.process.pid!;
    const activityPort = Number(new URL(topology.direct.activity).port);
    const admin = await signInAdmin(topology.routerUrl);
    let accounts: Recipient[];
    if (kept.state) {
      accounts = kept.state.recipients;
    } else {
      const setupAt = Date.now();
      accounts = await createRecipients(topology.routerUrl, admin.token, config.accounts, config.concurrency);
      setupSeconds = (Date.now() - setupAt) / 1000;
      log(`${accounts.length} recipients created and signed in in ${setupSeconds.toFixed(1)} s`);
      if (config.stateDir) toKeep = { preparedAt: new Date(setupAt).toISOString(), jwtSecret: secret, recipients: accounts };
    }
    if (config.setupOnly) return;
    const { found: publicNotice, reason: publicReason } = await findPublicNotice(topology.routerUrl, admin.token);
    log(`fan-out: ${publicNotice ? `public notification mutation ${publicNotice.field}` : `one notice per subscriber (${publicReason})`}`);
    if (!publicNotice && config.accounts < config.subscribers) throw new Error(`--accounts below --subscribers needs a public notification mutation: ${publicReason}`);
    const minted = mintRecipients(secret, accounts[0], config.subscribers - accounts.length);
    if (minted.length) log(`${minted.length} more subscribers on tokens signed by the bench (not accounts)`);
    const recipients = [...accounts, ...minted];
    const servers = topology.processes.filter((p) => ['router', 'activity', 'identity'].includes(p.name));
    const common = { routerUrl: topology.routerUrl, routerPid, activityPort, admin, publicNotice, publicReason, config, servers, workDir, log };

    phases.push(await runPhase({ ...common, transport: 'ws', url: topology.routerUrl.replace(/^http/, 'ws'), recipients }));

    const origin = new URL(topology.routerUrl).origin;
    const sseUrl = config.sseSubscribers > 0 ? await findSseEndpoint(origin, recipients[0].token) : undefined;
    if (config.sseSubscribers === 0) skipped.push('graphql-sse (--sse-subscribers=0)');
    else if (!sseUrl) skipped.push(`graphql-sse: the router serves no graphql-sse endpoint yet (tried /graphql/stream, /graphql/sse, /stream, /sse, /graphql at ${origin})`);
    else phases.push(await runPhase({ ...common, transport: 'sse', url: sseUrl, recipients: recipients.slice(0, config.sseSubscribers) }));
  } finally {
    await topology.stop();
    await stopAll();
    if (toKeep) {
      keepSetup(config.stateDir, workDir, toKeep);
      log(`setup kept in ${config.stateDir} (tokens valid for 2 h from ${toKeep.preparedAt})`);
    }
    // A setup-only run returns from the try above: its work dir goes here.
    if (config.setupOnly) rmSync(workDir, { recursive: true, force: true });
  }
  if (config.setupOnly) return;
  process.stdout.write(`\n${formatTable(phases, skipped)}\n`);
  const file = join(resultsDir, `subscriptions-${stamp}.json`);
  const setup = kept.state ? { reusedFrom: kept.state.preparedAt } : { seconds: setupSeconds };
  writeFileSync(file, JSON.stringify({ startedAt, machine: machine(), load: loadAverage(), settings: config, setup, setupSeconds, phases, skipped }, null, 2));
  log(`results written to ${file}`);
  rmSync(workDir, { recursive: true, force: true });
}

/** The machine's load when the run ended (1, 5, 15 min): other work on the cores shared with the bench. */
function loadAverage() {
  return loadavg().map((l) => Math.round(l * 100) / 100);
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

const log = (message: string) => process.stderr.write(`[bench:subscriptions] ${message}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopAll().finally(() => process.exit(130)));
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
