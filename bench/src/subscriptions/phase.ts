import { machineBusySeconds, type Child } from '@platform/testkit';
import { requestHeaders } from '../gateway/graphql-client';
import type { Recipient } from './accounts';
import { pool } from './accounts';
import type { SubscriptionsBenchConfig } from './config';
import type { PublicNotice } from './discover';
import { SELECTIONS, type Transport } from './messages';
import { sendNotice, type Sent } from './notices';
import { establishedTo, openFiles, routerMemory, type Memory } from './proc';
import { openSubscribers, type Subscribers } from './subscribers';

export interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface PhaseResult {
  transport: Transport;
  url: string;
  /** What the subscriptions selected (config.ts `selection`). */
  selection: SubscriptionsBenchConfig['selection'];
  subscribers: number;
  /** Subscribers that are accounts (the rest hold bench-signed tokens and get only announcements). */
  accounts: number;
  connected: number;
  failedToConnect: number;
  /** Subscriptions the server ended while the phase ran. */
  endedAfterConnect: number;
  errors: string[];
  openSeconds: number;
  /** Seconds until a probe notice to every subscriber had arrived: each subscription live end to end. */
  liveSeconds: number;
  notLive: number;
  memory: { before: Memory; after: Memory; rssPerSubscriberKiB: number; heapPerSubscriberKiB: number };
  /**
   * The router process's established TCP connections to activity's port: before the subscribers opened (its HTTP
   * keep-alive pool for queries and mutations) and while they are subscribed (that pool + the subscription upstreams).
   */
  routerToActivityConnections: { before: number; subscribed: number };
  routerOpenFiles: number;
  steady: {
    rate: number;
    seconds: number;
    sent: number;
    sendErrors: number;
    sendErrorSamples: string[];
    /** From the notification's createdAt (set in the mutation's transaction, just before its commit) to receipt. */
    latencyFromCreatedAtMs: Latency;
    /** From the moment the mutation request left the bench to receipt. */
    latencyFromSendMs: Latency;
    lost: number;
    duplicates: number;
    /**
     * CPU cores each server process used from the first send until the last answer, and the rest of the machine
     * (the bench, its subscriber processes, everybody else's work): what the mutation path had to share.
     */
    cpuCores: Record<string, number> & { restOfMachine: number };
  };
  fanOut: {
    method: string;
    sent: number;
    sendErrors: number;
    received: number;
    /** From the first send to the last subscriber's receipt; null when not all received within the grace period. */
    secondsUntilAllReceived: number | null;
    /**
     * From the announcement's publishedAt (its commit, when activity published it: the mutation's own time under
     * load left out) to the last subscriber's receipt; null when not all received or the answer has no publishedAt.
     */
    secondsFromPublishedUntilAll: number | null;
    latencyFromSendMs: Latency;
    latencyFromPublishedMs: Latency;
    /** CPU seconds each server process used from the first send until the last receipt (or the deadline). */
    cpuSeconds: Record<string, number>;
  };
}

export interface PhaseOptions {
  transport: Transport;
  url: string;
  routerUrl: string;
  routerPid: number;
  activityPort: number;
  admin: Recipient;
  recipients: Recipient[];
  publicNotice?: PublicNotice;
  publicReason: string;
  config: SubscriptionsBenchConfig;
  /** The server processes whose CPU the steady phase reads. */
  servers: Child[];
  workDir: string;
  log: (message: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the subscribers, proves them live, then the steady phase and the fan-out, then closes them. */
export async function runPhase(opts: PhaseOptions): Promise<PhaseResult> {
  const { config, log, recipients } = opts;
  const before = await routerMemory(opts.routerPid);
  const connectionsBefore = establishedTo(opts.routerPid, opts.activityPort);
  const openedAt = Date.now();
  const subs = await openSubscribers({
    transport: opts.transport,
    url: opts.url,
    tokens: recipients.map((r) => r.token),
    query: SELECTIONS[config.selection],
    clients: config.clients,
    concurrency: Math.max(1, Math.ceil(config.concurrency * 4 / config.clients)),
    workDir: opts.workDir,
  });
  const openSeconds = (Date.now() - openedAt) / 1000;
  log(`${opts.transport}: ${subs.connected} connected, ${subs.failed} failed in ${openSeconds.toFixed(1)} s${subs.errors.length ? ` (${subs.errors.slice(0, 3).join('; ')})` : ''}`);
  try {
    const liveAt = Date.now();
    const notLive = await probeAll(opts, subs);
    const liveSeconds = (Date.now() - liveAt) / 1000;
    log(`${opts.transport}: live end to end in ${liveSeconds.toFixed(1)} s (${notLive} never delivered a probe)`);
    const after = await routerMemory(opts.routerPid);
    const routerToActivityConnections = { before: connectionsBefore, subscribed: establishedTo(opts.routerPid, opts.activityPort) };
    const routerOpenFiles = openFiles(opts.routerPid);
    log(`${opts.transport}: router→activity connections ${routerToActivityConnections.before} before, ${routerToActivityConnections.subscribed} subscribed, router open files ${routerOpenFiles}`);

    const steady = await steadyPhase(opts, subs);
    log(`${opts.transport}: steady ${steady.sent} sent, p50 ${steady.latencyFromCreatedAtMs.p50} ms, p99 ${steady.latencyFromCreatedAtMs.p99} ms, lost ${steady.lost}`);
    const fanOut = await fanOutPhase(opts, subs);
    log(`${opts.transport}: fan-out (${fanOut.method}) ${fanOut.received}/${recipients.length} in ${fanOut.secondsUntilAllReceived ?? '—'} s`);
    const kib = (bytes: number) => Math.round((bytes / 1024 / Math.max(1, subs.connected)) * 10) / 10;
    return {
      transport: opts.transport,
      url: opts.url,
      selection: config.selection,
      subscribers: recipients.length,
      accounts: recipients.filter((r) => !r.minted).length,
      connected: subs.connected,
      failedToConnect: subs.failed,
      endedAfterConnect: subs.endedAfterConnect,
      errors: subs.errors.slice(0, 10),
      openSeconds,
      liveSeconds,
      notLive,
      memory: {
        before,
        after,
        rssPerSubscriberKiB: kib(after.rssBytes - before.rssBytes),
        heapPerSubscriberKiB: kib(after.heapUsedBytes - before.heapUsedBytes),
      },
      routerToActivityConnections,
      routerOpenFiles,
      steady,
      fanOut,
    };
  } finally {
    await subs.close();
  }
}

/**
 * One probe notice to every subscriber (again to those that did not get it within 5 s), until every one arrived
 * or 60 s passed: an acknowledged socket is not yet a subscription live upstream. Answers how many never got one.
 */
async function probeAll(opts: PhaseOptions, subs: Subscribers): Promise<number> {
  const deadline = Date.now() + 120_000;
  const title = (i: number) => `probe-${opts.transport}-${i}`;
  // Accounts get a notice each (their own channel live); subscribers on minted tokens can only be sent announcements.
  let missing = opts.recipients.flatMap((r, i) => (r.minted ? [] : [i]));
  for (let round = 0; missing.length && Date.now() < deadline; round++) {
    await pool(missing, opts.config.concurrency, (i) => sendNotice(opts.routerUrl, opts.admin.token, opts.recipients[i].id, title(i), i));
    const waitUntil = Date.now() + 5_000;
    while (Date.now() < waitUntil && missing.some((i) => !subs.receipts.has(title(i)))) await sleep(100);
    missing = missing.filter((i) => !subs.receipts.has(title(i)));
  }
  const minted = opts.recipients.filter((r) => r.minted).length;
  if (!minted) return missing.length;
  if (!opts.publicNotice) return missing.length + minted;
  // Receipts are counted by title, not by subscriber: a probe announcement is proof once all N hold it.
  for (let round = 0; Date.now() < deadline; round++) {
    const probe = `probe-public-${opts.transport}-${round}`;
    if (!(await sendPublic(opts, probe))) continue;
    const waitUntil = Date.now() + 10_000;
    while (Date.now() < waitUntil && (subs.receipts.get(probe)?.length ?? 0) < opts.recipients.length) await sleep(100);
    if ((subs.receipts.get(probe)?.length ?? 0) >= opts.recipients.length) return missing.length;
  }
  return missing.length + minted;
}

/** One announcement to the tenant through the public-notification mutation; false (logged) when refused. */
async function sendPublic(opts: PhaseOptions, title: string): Promise<{ publishedAt?: number } | undefined> {
  const notice = opts.publicNotice!;
  const response = await fetch(opts.routerUrl, {
    method: 'POST',
    headers: requestHeaders(opts.admin.token),
    body: JSON.stringify({ query: notice.query, variables: notice.variables(title) }),
  });
  const answer = (await response.json()) as { data?: Record<string, Record<string, unknown> | null>; errors?: unknown[] };
  if (!answer.errors?.length) {
    const at = notice.publishedAtField ? answer.data?.[notice.field]?.[notice.publishedAtField] : undefined;
    return { publishedAt: typeof at === 'string' ? Date.parse(at) : undefined };
  }
  opts.log(`public notification refused: ${JSON.stringify(answer.errors).slice(0, 300)}`);
  return undefined;
}

/** Open loop: one notice every 1/rate s, round robin over the subscribers, for `duration` s; then the grace period. */
async function steadyPhase(opts: PhaseOptions, subs: Subscribers): Promise<PhaseResult['steady']> {
  const { rate, duration, grace } = opts.config;
  const total = Math.round(rate * duration);
  // Round robin over the accounts: a subscriber on a minted token cannot be sent a notice of its own.
  const accounts = opts.recipients.flatMap((r, i) => (r.minted ? [] : [i]));
  const pending: Promise<Sent>[] = [];
  const cpu = cpuMark(opts.servers);
  const start = Date.now() + 100;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 1) await sleep(wait);
    const recipient = accounts[i % accounts.length];
    pending.push(sendNotice(opts.routerUrl, opts.admin.token, opts.recipients[recipient].id, `steady-${opts.transport}-${i}`, recipient));
  }
  const sent = await Promise.all(pending);
  const cpuCores = cpuCoresSince(cpu, opts.servers);
  const ok = sent.filter((s) => !s.error);
  await untilReceived(subs, ok.map((s) => s.title), grace);
  const fromCreated: number[] = [];
  const fromSend: number[] = [];
  let lost = 0;
  let duplicates = 0;
  for (const s of ok) {
    const arrivals = subs.receipts.get(s.title);
    if (!arrivals) {
      lost += 1;
      continue;
    }
    duplicates += arrivals.length - 1;
    fromCreated.push(arrivals[0] - s.createdAt!);
    fromSend.push(arrivals[0] - s.sentAt);
  }
  const errors = sent.filter((s) => s.error);
  return {
    rate,
    seconds: duration,
    sent: ok.length,
    sendErrors: errors.length,
    sendErrorSamples: [...new Set(errors.map((s) => s.error!))].slice(0, 5),
    latencyFromCreatedAtMs: latency(fromCreated),
    latencyFromSendMs: latency(fromSend),
    lost,
    duplicates,
    cpuCores,
  };
}

interface CpuMark {
  at: number;
  machine: number;
  servers: number[];
}

const cpuMark = (servers: Child[]): CpuMark => ({ at: Date.now(), machine: machineBusySeconds(), servers: servers.map((p) => p.cpuSeconds()) });

function cpuCoresSince(mark: CpuMark, servers: Child[]): PhaseResult['steady']['cpuCores'] {
  const seconds = (Date.now() - mark.at) / 1000;
  const used = servers.map((p, i) => p.cpuSeconds() - mark.servers[i]);
  const cores = Object.fromEntries(servers.map((p, i) => [p.name, round2(used[i] / seconds)]));
  const rest = machineBusySeconds() - mark.machine - used.reduce((a, b) => a + b, 0);
  return { ...cores, restOfMachine: round2(Math.max(0, rest) / seconds) };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * One notification to everybody: the public-notification mutation when the schema has one, otherwise one notice
 * to each subscriber, `concurrency × 4` requests in flight. Timed from the first send to the last receipt.
 */
async function fanOutPhase(opts: PhaseOptions, subs: Subscribers): Promise<PhaseResult['fanOut']> {
  const cpu = cpuMark(opts.servers);
  const started = Date.now();
  const n = opts.recipients.length;
  let titles: string[];
  let sendErrors = 0;
  let method: string;
  let publishedAt: number | undefined;
  if (opts.publicNotice) {
    const title = `public-${opts.transport}-${started}`;
    method = `public notification (${opts.publicNotice.field})`;
    const sent = await sendPublic(opts, title);
    if (!sent) sendErrors = 1;
    publishedAt = sent?.publishedAt;
    titles = [title];
  } else {
    method = `one notice per subscriber (${opts.publicReason})`;
    titles = opts.recipients.map((_, i) => `fanout-${opts.transport}-${i}`);
    const sent = await pool(opts.recipients, opts.config.concurrency * 4, (r, i) => sendNotice(opts.routerUrl, opts.admin.token, r.id, titles[i], i));
    sendErrors = sent.filter((s) => s.error).length;
  }
  // A public notice arrives once per subscriber under one title; per-subscriber notices once per title.
  const arrivals = () => (opts.publicNotice ? (subs.receipts.get(titles[0]) ?? []) : titles.flatMap((t) => subs.receipts.get(t)?.slice(0, 1) ?? []));
  const deadline = Date.now() + 60_000 + opts.config.grace * 1000;
  while (arrivals().length < n && Date.now() < deadline) await sleep(50);
  const all = arrivals();
  const last = all.length ? Math.max(...all) : NaN;
  const cpuSeconds = Object.fromEntries(opts.servers.map((p, i) => [p.name, round2(p.cpuSeconds() - cpu.servers[i])]));
  return {
    method,
    sent: titles.length - sendErrors,
    sendErrors,
    received: all.length,
    secondsUntilAllReceived: all.length >= n ? (last - started) / 1000 : null,
    secondsFromPublishedUntilAll: all.length >= n && publishedAt !== undefined ? (last - publishedAt) / 1000 : null,
    latencyFromSendMs: latency(all.map((at) => at - started)),
    latencyFromPublishedMs: latency(publishedAt === undefined ? [] : all.map((at) => at - publishedAt)),
    cpuSeconds,
  };
}

async function untilReceived(subs: Subscribers, titles: string[], graceSeconds: number): Promise<void> {
  const deadline = Date.now() + graceSeconds * 1000;
  while (Date.now() < deadline && titles.some((t) => !subs.receipts.has(t))) await sleep(100);
}

function latency(values: number[]): Latency {
  if (!values.length) return { count: 0, p50: NaN, p99: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}
