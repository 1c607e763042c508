import type { PhaseResult } from './phase';

const ms = (v: number) => (Number.isFinite(v) ? String(v) : '—');

/** A plain-text table: one column per transport. */
export function formatTable(phases: PhaseResult[], skipped: string[]): string {
  const rows: [string, (p: PhaseResult) => string][] = [
    ['selection', (p) => p.selection],
    ['subscribers (connected/failed)', (p) => `${p.subscribers} (${p.connected}/${p.failedToConnect})`],
    ['of them accounts / bench-signed tokens', (p) => `${p.accounts} / ${p.subscribers - p.accounts}`],
    ['open s / live end to end s', (p) => `${p.openSeconds.toFixed(1)} / ${p.liveSeconds.toFixed(1)}${p.notLive ? ` (${p.notLive} never live)` : ''}`],
    ['ended by the server', (p) => String(p.endedAfterConnect)],
    ['router RSS KiB/subscriber', (p) => p.memory.rssPerSubscriberKiB.toFixed(1)],
    ['router heap KiB/subscriber', (p) => p.memory.heapPerSubscriberKiB.toFixed(1)],
    ['router→activity TCP before / subscribed', (p) => `${p.routerToActivityConnections.before} / ${p.routerToActivityConnections.subscribed}`],
    ['router open files', (p) => String(p.routerOpenFiles)],
    ['steady: sent (errors)', (p) => `${p.steady.sent} at ${p.steady.rate}/s × ${p.steady.seconds} s (${p.steady.sendErrors})`],
    ['steady: ms from createdAt p50/p99/max', (p) => `${ms(p.steady.latencyFromCreatedAtMs.p50)} / ${ms(p.steady.latencyFromCreatedAtMs.p99)} / ${ms(p.steady.latencyFromCreatedAtMs.max)}`],
    ['steady: ms from send p50/p99/max', (p) => `${ms(p.steady.latencyFromSendMs.p50)} / ${ms(p.steady.latencyFromSendMs.p99)} / ${ms(p.steady.latencyFromSendMs.max)}`],
    ['steady: lost / duplicates', (p) => `${p.steady.lost} / ${p.steady.duplicates}`],
    ['steady: CPU cores used', (p) => Object.entries(p.steady.cpuCores).filter(([, c]) => c >= 0.01).map(([n, c]) => `${n === 'restOfMachine' ? 'rest of machine' : n} ${c.toFixed(2)}`).join(', ')],
    ['fan-out: method', (p) => p.fanOut.method],
    ['fan-out: received / s until all', (p) => `${p.fanOut.received}/${p.subscribers} / ${p.fanOut.secondsUntilAllReceived?.toFixed(2) ?? 'not all'}`],
    ['fan-out: ms from first send p50/p99', (p) => `${ms(p.fanOut.latencyFromSendMs.p50)} / ${ms(p.fanOut.latencyFromSendMs.p99)}`],
    ['fan-out: s from publishedAt until all', (p) => p.fanOut.secondsFromPublishedUntilAll?.toFixed(2) ?? '—'],
    ['fan-out: ms from publishedAt p50/p99', (p) => `${ms(p.fanOut.latencyFromPublishedMs.p50)} / ${ms(p.fanOut.latencyFromPublishedMs.p99)}`],
    ['fan-out: CPU s used', (p) => Object.entries(p.fanOut.cpuSeconds).map(([n, s]) => `${n} ${s.toFixed(2)}`).join(', ')],
  ];
  const header = ['', ...phases.map((p) => p.transport)];
  const lines = rows.map(([label, cell]) => [label, ...phases.map(cell)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const sendErrors = phases.flatMap((p) => p.steady.sendErrorSamples.map((e) => `${p.transport} steady send error: ${e}`));
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt), ...sendErrors, ...skipped.map((s) => `skipped: ${s}`)].join('\n');
}
