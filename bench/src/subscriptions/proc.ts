import { readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { memoryFileOf } from './memory-probe';

export interface Memory {
  rssBytes: number;
  heapUsedBytes: number;
}

/**
 * The router's memory after a full garbage collection, read through the preloaded memory probe: it is signalled
 * and its file awaited. RSS comes from the same `process.memoryUsage()` call.
 */
export async function routerMemory(pid: number): Promise<Memory> {
  const file = memoryFileOf(pid);
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const usage = JSON.parse(readFileSync(file, 'utf8')) as { rss: number; heapUsed: number };
      rmSync(file, { force: true });
      return { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed };
    } catch {
      if (Date.now() > deadline) throw new Error(`router ${pid} did not report its memory (memory probe not loaded?)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Established TCP connections the process `pid` holds to `remotePort` on this host: its socket inodes (from
 * /proc/<pid>/fd) matched against the connection tables of its network namespace (/proc/<pid>/net/tcp, tcp6).
 */
export function establishedTo(pid: number, remotePort: number): number {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch {
      // closed while listing
    }
  }
  let count = 0;
  for (const table of ['tcp', 'tcp6']) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      // local_address rem_address st … inode; 01 is ESTABLISHED, ports are hex.
      const remote = parseInt(fields[2].split(':')[1], 16);
      if (fields[3] === '01' && remote === remotePort && inodes.has(fields[9])) count += 1;
    }
  }
  return count;
}

/** Open file descriptors of `pid` (sockets included): what `ulimit -n` bounds. */
export const openFiles = (pid: number): number => readdirSync(`/proc/${pid}/fd`).length;
