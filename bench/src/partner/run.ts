import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readRegistry, runMain } from '@platform/kit';
import { PartnerPusher, percentile, simulatedCaseCode, type StreamedRepayment } from '@platform/simulator';
import { machineBusySeconds } from '@platform/testkit';
import { cpuSecondsOf, waitForQuiet } from '../cases/proc';
import { dropDatabase } from '../cases/seed';
import { createRecipients, signInAdmin } from '../subscriptions/accounts';
import { openSubscribers, type Subscribers } from '../subscriptions/subscribers';
import { loadPartnerBenchConfig, type PartnerBenchConfig } from './config';
import { startPlatformUnderTest } from './platform';
import { assignCollectors, issueKeys } from './setup';

/**
 * `npm run bench:partner`: the partner pushes at scale, the platform (`--topology`: embedded in one process, or
 * separate processes as deployed) on MariaDB + Redis,
 * driven by the core-system simulator's pusher over HTTP:
 *   import  `--batches` pushes of `--batch-size` (1,000) generated cases to /api/v1/webhook/cases/import: target
 *           ≥ 2,000 cases/s;
 *   live    `--collectors` (1,000) collectors subscribed to repaymentReceived through the router (graphql-ws), each with
 *           a case of its own; repayments pushed at `--rate` (50/s) for `--seconds` over those cases: each must reach
 *           its collector, p99 from the push being sent < 1 s, none lost.
 */
const SEED = 2025;
const TARGETS = { casesPerSecond: 2000, p99Ms: 1000 };
const REPAYMENT = 'subscription BenchRepayment { repaymentReceived { repaymentId caseCode amount } }';
/** How long after the last push a repayment may still arrive before it counts as lost. */
const GRACE_MS = 10_000;
const RESULTS_DIR = resolve(__dirname, '../../results');

runMain(async () => {
  const config = loadPartnerBenchConfig();
  const workDir = mkdtempSync(join(tmpdir(), 'bench-partner-'));
  const base = new URL(config.databaseUrl);
  base.pathname = `/benchpartner${Date.now()}`;
  const tag = randomBytes(4).toString('hex');
  const platform = await startPlatformUnderTest({
    topology: config.topology,
    databaseBase: base,
    redisUrl: config.redisUrl,
    logLevel: config.logLevel,
    workDir,
    env: { EVENT_BUS_PREFIX: `bench-partner:${tag}:`, RATE_LIMIT_PREFIX: `bench-partner:${tag}`, REMINDER_POLL_SECONDS: '0' },
    nodeArgs: [...config.nodeFlags, ...(config.profile ? ['--cpu-prof', `--cpu-prof-dir=${RESULTS_DIR}`, `--cpu-prof-name=partner-${tag}.cpuprofile`] : [])],
  });
  let subscribers: Subscribers | undefined;
  try {
    const { keys, tenantId } = await issueKeys(platform.adapterUrl, config.keys);
    const pushers = keys.map((key) => new PartnerPusher({ baseUrl: platform.adapterUrl, key }));

    const serverPids = platform.processes.map((p) => p.process.pid!);
    const ours = () => [...serverPids, process.pid, ...(subscribers?.pids ?? [])];
    const importQuiet = await waitForQuiet(ours(), config.quietWait, config.quietCores);
    const importLoad = otherLoad(ours());
    const serverCpu = () => serverPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
    const importCpu = serverCpu();
    const batches = await importBatches(pushers, config);
    const imported = { ...batches, quietBefore: importQuiet, serverCpuMsPerCase: Math.round(((serverCpu() - importCpu) * 1000 * 100) / batches.cases) / 100 };
    const importOther = importLoad.stop();
    log(`import: ${imported.cases} cases in ${imported.seconds.toFixed(1)} s = ${Math.round(imported.casesPerSecond)} cases/s (batch answer p50 ${Math.round(imported.p50)} ms, max ${Math.round(imported.max)} ms)`);

    const setupAt = Date.now();
    const admin = await signInAdmin(platform.routerUrl);
    const accounts = await createRecipients(platform.routerUrl, admin.token, config.collectors, config.concurrency);
    await assignCollectors(collectionsDatabase(base), tenantId, accounts.map((a) => a.id), SEED);
    const wsUrl = platform.routerUrl.replace(/^http/, 'ws');
    subscribers = await openSubscribers({ transport: 'ws', url: wsUrl, tokens: accounts.map((a) => a.token), clients: config.clients, concurrency: 50, workDir, query: REPAYMENT, key: 'repaymentId' });
    log(`${accounts.length} collectors with a case each, ${subscribers.connected} subscribed (${subscribers.failed} failed) in ${((Date.now() - setupAt) / 1000).toFixed(1)} s`);

    const caseCodes = Array.from({ length: config.collectors }, (_, i) => simulatedCaseCode(SEED, i + 1));
    const warm = await stream(pushers, { rate: config.rate, seconds: config.collectors / config.rate, caseCodes, idPrefix: `WARM${tag}` });
    const warmLive = await arrivals(subscribers, warm, GRACE_MS);
    log(`warm-up: ${warmLive.received}/${warmLive.applied} subscriptions shown live by a repayment on their case`);

    const streamQuiet = await waitForQuiet(ours(), config.quietWait, config.quietCores);
    const streamLoad = otherLoad(ours());
    const started = Date.now();
    const streamCpu = serverCpu();
    const measured = await stream(pushers, { rate: config.rate, seconds: config.seconds, caseCodes, idPrefix: `PAY${tag}` });
    const streamOther = streamLoad.stop();
    const live = { ...(await arrivals(subscribers, measured, GRACE_MS)), quietBefore: streamQuiet };
    const serverCpuMsPerRepayment = Math.round(((serverCpu() - streamCpu) * 1000) / Math.max(1, measured.length));
    log(`live: ${live.received}/${live.applied} received, p50 ${Math.round(live.p50)} ms, p99 ${Math.round(live.p99)} ms from sending (answers p99 ${Math.round(live.answerP99)} ms), ${live.lost} lost, ${live.refused} refused ${JSON.stringify(live.refusedBy)}`);

    const result = { startedAt: new Date(started).toISOString(), machine: machine(), loadAverage: loadavg().map((l) => Math.round(l * 100) / 100), otherCores: { import: importOther, stream: streamOther }, serverCpuMsPerRepayment, settings: config, imported, warmUp: warmLive, live };
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `partner-${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(report(config, result));
    log(`results written to ${file}`);
    if (imported.failedBatches > 0 || imported.casesPerSecond < TARGETS.casesPerSecond || live.p99 >= TARGETS.p99Ms || live.lost > 0) process.exitCode = 1;
  } finally {
    await subscribers?.close();
    await platform.stop();
    // The server logs (warnings and errors) stay beside the results: a refused push is explained there.
    mkdirSync(RESULTS_DIR, { recursive: true });
    for (const { logPath, name } of platform.processes) copyFileSync(logPath, join(RESULTS_DIR, `partner-${tag}-${name}.log`));
    for (const { name } of readRegistry()) {
      const db = new URL(base);
      db.pathname = `${base.pathname}_${name}`;
      await dropDatabase(db.toString());
    }
    rmSync(workDir, { recursive: true, force: true });
  }
});

/** The batches pushed `batchConcurrency` at a time, the keys in turn; cases/s over the whole import. */
async function importBatches(pushers: PartnerPusher[], config: PartnerBenchConfig) {
  let next = 0;
  const times: number[] = [];
  const failures: string[] = [];
  let cases = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < config.batches) {
      const b = next++;
      const { answer } = await pushers[b % pushers.length].pushCases({ seed: SEED, first: b * config.batchSize + 1, count: config.batchSize, batchNo: `BENCH_${SEED}_${b + 1}` });
      times.push(answer.ms);
      const data = answer.body?.data;
      if (answer.status === 200 && data) cases += data.success;
      if (answer.status !== 200 || data?.failed) failures.push(`batch ${b + 1}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: config.batchConcurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  for (const failure of failures) log(`import: ${failure}`);
  times.sort((a, b) => a - b);
  return { batches: config.batches, failedBatches: failures.length, failures, cases, seconds, casesPerSecond: cases / seconds, p50: percentile(times, 0.5), max: times.at(-1) ?? NaN };
}

/** `rate` a second spread over the keys, each key streaming its share of the cases. */
async function stream(pushers: PartnerPusher[], options: { rate: number; seconds: number; caseCodes: string[]; idPrefix: string }): Promise<StreamedRepayment[]> {
  const reports = await Promise.all(
    pushers.map((pusher, k) =>
      pusher.streamRepayments({
        rate: options.rate / pushers.length,
        seconds: options.seconds,
        caseCodes: options.caseCodes.filter((_, i) => i % pushers.length === k),
        idPrefix: `${options.idPrefix}_${k}`,
        seed: k + 1,
      }),
    ),
  );
  return reports.flatMap((r) => r.pushes);
}

/** Waits up to `graceMs` for every applied repayment to reach its collector; the delays from sending (and answering). */
async function arrivals(subscribers: Subscribers, pushes: StreamedRepayment[], graceMs: number) {
  const applied = pushes.filter((p) => p.answer.status === 200 && (p.answer.body?.data as { applied?: boolean } | undefined)?.applied);
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && applied.some((p) => !subscribers.receipts.has(p.repayment.repayment_id))) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const fromSent: number[] = [];
  const fromAnswer: number[] = [];
  // When in the stream the slowest were sent: spread out (queueing) or bunched (a pause of the platform).
  const firstSent = Math.min(...pushes.map((p) => p.sentAt));
  const delays: Array<{ sentAfterMs: number; deliveredMs: number; answerMs: number }> = [];
  let duplicated = 0;
  for (const p of applied) {
    const at = subscribers.receipts.get(p.repayment.repayment_id);
    if (!at) continue;
    if (at.length > 1) duplicated += 1;
    fromSent.push(at[0] - p.sentAt);
    fromAnswer.push(at[0] - p.answer.answeredAt);
    delays.push({ sentAfterMs: p.sentAt - firstSent, deliveredMs: at[0] - p.sentAt, answerMs: Math.round(p.answer.ms) });
  }
  const slowest = delays.sort((a, b) => b.deliveredMs - a.deliveredMs).slice(0, 20);
  fromSent.sort((a, b) => a - b);
  fromAnswer.sort((a, b) => a - b);
  const answers = pushes.map((p) => p.answer.ms).filter(Number.isFinite).sort((a, b) => a - b);
  const refusedBy: Record<string, number> = {};
  for (const p of pushes) {
    if (applied.includes(p)) continue;
    const why = `${p.answer.status} ${(p.answer.body?.message ?? '').slice(0, 60)}`;
    refusedBy[why] = (refusedBy[why] ?? 0) + 1;
  }
  return {
    pushed: pushes.length,
    applied: applied.length,
    refused: pushes.length - applied.length,
    refusedBy,
    received: fromSent.length,
    lost: applied.length - fromSent.length,
    duplicated,
    p50: percentile(fromSent, 0.5),
    p99: percentile(fromSent, 0.99),
    max: fromSent.at(-1) ?? NaN,
    afterAnswerP99: percentile(fromAnswer, 0.99),
    answerP50: percentile(answers, 0.5),
    answerP99: percentile(answers, 0.99),
    slowest,
  };
}

/** The CPU (cores) processes other than `ours` use from now until `stop()`: the load the figures were measured under. */
function otherLoad(ours: number[]): { stop(): number } {
  const own = () => ours.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
  const machineAt = machineBusySeconds();
  const ownAt = own();
  const started = Date.now();
  return {
    stop: () => Math.max(0, Math.round(((machineBusySeconds() - machineAt - (own() - ownAt)) / ((Date.now() - started) / 1000)) * 100) / 100),
  };
}

function report(
  config: PartnerBenchConfig,
  r: { imported: Awaited<ReturnType<typeof importBatches>> & { serverCpuMsPerCase: number }; live: Awaited<ReturnType<typeof arrivals>>; otherCores: { import: number; stream: number }; serverCpuMsPerRepayment: number },
): string {
  const mark = (met: boolean) => (met ? 'met' : '**missed**');
  const { imported, live } = r;
  return [
    '| measure | figure | target | |',
    '|---|---|---|---|',
    `| import: ${imported.batches} × ${config.batchSize} cases, ${config.batchConcurrency} in flight | ${Math.round(imported.casesPerSecond)} cases/s (${imported.cases} in ${imported.seconds.toFixed(1)} s; batch answer p50 ${Math.round(imported.p50)} ms; ${imported.failedBatches} batches refused) | ≥ ${TARGETS.casesPerSecond} | ${mark(imported.failedBatches === 0 && imported.casesPerSecond >= TARGETS.casesPerSecond)} |`,
    `| live: ${config.rate}/s × ${config.seconds} s to ${config.collectors} subscribed collectors | p50 ${Math.round(live.p50)} ms, p99 ${Math.round(live.p99)} ms, max ${Math.round(live.max)} ms from sending (p99 ${Math.round(live.afterAnswerP99)} ms after the answer; answers p99 ${Math.round(live.answerP99)} ms) | p99 < ${TARGETS.p99Ms} ms | ${mark(live.p99 < TARGETS.p99Ms)} |`,
    `| lost | ${live.lost} of ${live.applied} applied (${live.refused} pushes refused, ${live.duplicated} delivered twice) | 0 | ${mark(live.lost === 0)} |`,
    '',
    `other load (processes outside the bench, of ${availableParallelism()} cores): ${r.otherCores.import} cores during the import, ${r.otherCores.stream} during the stream`,
    `server CPU: ${r.imported.serverCpuMsPerCase} ms a case imported, ${r.serverCpuMsPerRepayment} ms a repayment pushed (its delivery included, until the grace period ended)`,
  ].join('\n');
}

function collectionsDatabase(base: URL): string {
  const url = new URL(base);
  url.pathname = `${base.pathname}_collections`;
  return url.toString();
}

function machine() {
  return { cpus: availableParallelism(), cpuModel: cpus()[0]?.model, node: process.version };
}

const log = (message: string) => process.stderr.write(`[bench:partner] ${message}\n`);
