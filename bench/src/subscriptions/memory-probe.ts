import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Preloaded into the router (`-r`, with `--expose-gc`) so the bench can read its heap without any route of the
 * router's own: on SIGUSR2 it collects garbage and writes `process.memoryUsage()` to `memoryFileOf(pid)`.
 */
export const memoryFileOf = (pid: number): string => join(tmpdir(), `bench-memory-${pid}.json`);

process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  writeFileSync(memoryFileOf(process.pid), JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
});
