import { createWriteStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { memoryOf, resetPeak, sampleRss } from './proc';

export interface Api {
  adapterUrl: string;
  token: string;
}

export async function request(api: Api, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${api.adapterUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${api.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The answer's JSON, or an error saying which route refused what. */
export async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export interface Latency {
  p50: number;
  p95: number;
  max: number;
  requests: number;
}

/** `requests` timed calls after 10 unrecorded ones (JIT, pools, plan caches). */
export async function latency(requests: number, call: () => Promise<void>): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < requests + 10; i++) {
    const t0 = performance.now();
    await call();
    if (i >= 10) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { p50: p(0.5), p95: p(0.95), max: times[times.length - 1], requests };
}

export interface TimedCall<T> {
  ms: number;
  result: T;
}

export async function timed<T>(call: () => Promise<T>): Promise<TimedCall<T>> {
  const t0 = performance.now();
  const result = await call();
  return { ms: performance.now() - t0, result };
}

export interface ExportFigures {
  ms: number;
  bytes: number;
  rows: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  growthMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * Downloads the export to `file` while sampling the server's RSS; then counts the sheet's rows with exceljs'
 * streaming reader (the file is checked, not just its size). Growth = peak RSS during the download − RSS before.
 */
export async function exportWithMemory(api: Api, serverPid: number, body: unknown, file: string): Promise<ExportFigures> {
  const before = memoryOf(serverPid).rss;
  const hwmReset = resetPeak(serverPid);
  const sampler = sampleRss(serverPid);
  const t0 = performance.now();
  const res = await request(api, 'POST', '/api/v1/reports/cases/export', body);
  if (res.status !== 200 || !res.body) throw new Error(`export: ${res.status} ${await res.text()}`);
  await pipeline(Readable.fromWeb(res.body as never), createWriteStream(file));
  const ms = performance.now() - t0;
  const bytes = statSync(file).size;
  const sampled = sampler.stop();
  const peak = Math.max(sampled, hwmReset ? memoryOf(serverPid).peak : 0);
  const after = memoryOf(serverPid).rss;
  return { ms, bytes, rows: await countRows(file), rssBeforeMb: mb(before), rssPeakMb: mb(peak), rssAfterMb: mb(after), growthMb: mb(peak - before) };
}

async function countRows(file: string): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const sheet of reader) {
    for await (const _row of sheet) rows++;
  }
  return rows - 1; // the header
}
