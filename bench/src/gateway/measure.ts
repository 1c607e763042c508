import autocannon from 'autocannon';
import type { BenchConfig } from './config';
import { requestHeaders } from './graphql-client';
import { machineBusySeconds, type Child } from '@platform/testkit';

export interface Target {
  url: string;
  query: string;
  token: string;
}

export interface Measurement {
  requestsPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU milliseconds per completed request, per server process and for the load generator (`bench`). */
  cpuMsPerRequest: Record<string, number>;
  /**
   * Cores kept busy by processes that are not part of this benchmark while it ran (the machine is shared):
   * a measurement with a high figure here competed for CPU and understates both paths.
   */
  otherLoadCores: number;
  /** How long the bench waited for the machine to quieten down before this measurement. */
  waitedSeconds: number;
}

/** Unrecorded warm-up, then one bounded autocannon run against 127.0.0.1, CPU time read around it. */
export async function measure(target: Target, config: BenchConfig, processes: Child[]): Promise<Measurement> {
  const options = {
    url: target.url,
    method: 'POST' as const,
    headers: requestHeaders(target.token),
    body: JSON.stringify({ query: target.query }),
    connections: config.connections,
  };
  const waitedSeconds = await waitForQuiet(config, processes);
  if (config.warmup > 0) await autocannon({ ...options, duration: config.warmup });

  const before = processes.map((p) => p.cpuSeconds());
  const benchBefore = process.cpuUsage();
  const machineBefore = machineBusySeconds();
  const result = await autocannon({ ...options, duration: config.duration });
  const machineBusy = machineBusySeconds() - machineBefore;
  const benchCpu = process.cpuUsage(benchBefore);
  const completed = result.requests.total;

  const used: Record<string, number> = {};
  processes.forEach((p, i) => (used[p.name] = p.cpuSeconds() - before[i]));
  used.bench = (benchCpu.user + benchCpu.system) / 1e6;
  const ours = Object.values(used).reduce((a, b) => a + b, 0);
  return {
    requestsPerSec: round(result.requests.average, 1),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      mean: round(result.latency.mean, 2),
      max: result.latency.max,
    },
    requests: completed,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuMsPerRequest: Object.fromEntries(Object.entries(used).map(([name, s]) => [name, round((s * 1000) / completed, 3)])),
    otherLoadCores: round(Math.max(0, machineBusy - ours) / result.duration, 2),
    waitedSeconds,
  };
}

/** Samples the CPU others use, one second at a time, until it is under `quietCores` or `quietWait` runs out. */
async function waitForQuiet(config: BenchConfig, processes: Child[]): Promise<number> {
  const started = Date.now();
  while ((Date.now() - started) / 1000 < config.quietWait) {
    const machine = machineBusySeconds();
    const ours = processes.reduce((sum, p) => sum + p.cpuSeconds(), 0);
    await new Promise((r) => setTimeout(r, 1000));
    const others = machineBusySeconds() - machine - (processes.reduce((sum, p) => sum + p.cpuSeconds(), 0) - ours);
    if (others < config.quietCores) break;
  }
  return Math.round((Date.now() - started) / 100) / 10;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
