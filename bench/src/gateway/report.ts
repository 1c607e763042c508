import type { Measurement } from './measure';
import type { Scenario } from './queries';
import type { Mode } from './topologies';

export interface Row {
  mode: Mode;
  scenario: Scenario['id'];
  path: 'router' | 'direct';
  round: number;
  /** Other processes used more than `noisyCores` while it ran. */
  noisy: boolean;
  measurement: Measurement;
}

export interface Ratio {
  mode: Mode;
  scenario: Scenario['id'];
  /** router req/s ÷ direct req/s */
  ratio: number;
  /** Server CPU per request, all server processes: direct ÷ router (what the ratio tends to when CPU-bound). */
  cpuRatio: number;
  target: number;
  met: boolean;
}

/** The targets: the router's throughput as a share of the subgraph's own. */
export const TARGETS: Record<Mode, Record<Scenario['id'], number>> = {
  embedded: { one: 0.7, two: 0.5 },
  separate: { one: 0.5, two: 0.35 },
};

/** Each path's best measurement: a quiet one before a noisy one, then the highest req/s. */
export function bestRounds(rows: Row[]): Row[] {
  const best = new Map<string, Row>();
  for (const row of rows) {
    const key = `${row.mode}/${row.scenario}/${row.path}`;
    const seen = best.get(key);
    const better =
      !seen ||
      (seen.noisy && !row.noisy) ||
      (seen.noisy === row.noisy && row.measurement.requestsPerSec > seen.measurement.requestsPerSec);
    if (better) best.set(key, row);
  }
  return [...best.values()];
}

export function ratios(rows: Row[]): Ratio[] {
  const out: Ratio[] = [];
  for (const router of rows.filter((r) => r.path === 'router')) {
    const direct = rows.find((r) => r.path === 'direct' && r.mode === router.mode && r.scenario === router.scenario);
    if (!direct) continue;
    const ratio = Math.round((router.measurement.requestsPerSec / direct.measurement.requestsPerSec) * 1000) / 1000;
    const cpuRatio = Math.round((serverCpu(direct) / serverCpu(router)) * 1000) / 1000;
    const target = TARGETS[router.mode][router.scenario];
    out.push({ mode: router.mode, scenario: router.scenario, ratio, cpuRatio, target, met: ratio >= target });
  }
  return out;
}

/** CPU ms per request of the servers (the load generator left out). */
const serverCpu = (row: Row) =>
  Object.entries(row.measurement.cpuMsPerRequest).reduce((sum, [name, ms]) => (name === 'bench' ? sum : sum + ms), 0);

/** A plain-text table: one line per measurement, then the ratios against their targets. */
export function formatTable(rows: Row[], found: Ratio[]): string {
  const header = ['mode', 'query', 'path', 'req/s', 'p50 ms', 'p99 ms', 'non2xx/err', 'other load', 'CPU ms/req by process'];
  const lines = rows.map((r) => [
    r.mode,
    r.scenario,
    r.path,
    r.measurement.requestsPerSec.toFixed(1),
    String(r.measurement.latencyMs.p50),
    String(r.measurement.latencyMs.p99),
    `${r.measurement.non2xx}/${r.measurement.errors}`,
    `${r.measurement.otherLoadCores.toFixed(2)} cores${r.noisy ? ' (!)' : ''}`,
    Object.entries(r.measurement.cpuMsPerRequest)
      .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
      .join(', '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const ratioLines = found.map(
    (r) =>
      `${r.mode.padEnd(8)}  ${r.scenario.padEnd(3)}  router/direct ${r.ratio.toFixed(2)}  target ≥ ${r.target}  ` +
      `${r.met ? 'met   ' : 'MISSED'}  (server CPU per request direct/router ${r.cpuRatio.toFixed(2)})`,
  );
  const note = rows.some((r) => r.noisy) ? ['(!) other processes competed for the CPU during this measurement'] : [];
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt), ...note, '', ...ratioLines].join('\n');
}
