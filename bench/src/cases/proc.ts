import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Resident memory of a process now (`VmRSS`) and its peak since the last reset (`VmHWM`), in bytes. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Starts the peak (`VmHWM`) over from the current RSS (`clear_refs` 5); false where the kernel refuses. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Samples `VmRSS` every `ms` until stopped: the peak even where `VmHWM` cannot be reset. */
export function sampleRss(pid: number, ms = 50): { stop(): number } {
  let peak = memoryOf(pid).rss;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, memoryOf(pid).rss);
    } catch {
      // the process ended; the last reading stands
    }
  }, ms);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** CPU seconds of a process so far (user + system). */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Busy CPU seconds of the whole machine so far (every core). */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = ticks[3] + (ticks[4] ?? 0);
  return (ticks.reduce((a, b) => a + b, 0) - idle) / 100;
}

/**
 * Waits, a second at a time, until processes other than `ours` use under `cores` of CPU, or `seconds` run out.
 * Answers the load last seen (cores) and how long it waited.
 */
export async function waitForQuiet(ours: number[], seconds: number, cores: number): Promise<{ otherCores: number; waitedSeconds: number }> {
  const started = Date.now();
  let otherCores: number;
  do {
    const machine = machineBusySeconds();
    const own = ours.reduce((s, pid) => s + cpuSecondsOf(pid), 0);
    await new Promise((r) => setTimeout(r, 1000));
    const busy = machineBusySeconds() - machine - (ours.reduce((s, pid) => s + cpuSecondsOf(pid), 0) - own);
    otherCores = Math.max(0, Math.round(busy * 100) / 100);
    if (otherCores < cores) break;
  } while ((Date.now() - started) / 1000 < seconds);
  return { otherCores, waitedSeconds: Math.round((Date.now() - started) / 100) / 10 };
}

export const CORES = cpus().length;
