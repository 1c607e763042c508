import { fork, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { SERVICE_NODE_FLAGS } from '@platform/kit';

/** A server process a bench or test started (from a dist entry); stopped (and its CPU time read) through this handle. */
export interface Child {
  name: string;
  process: ChildProcess;
  logPath: string;
  /** User + system CPU seconds the process has used so far (Linux /proc). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const running = new Set<Child>();

interface StartOptions {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  logPath: string;
  /** Node flags besides the service flags every process gets (SERVICE_NODE_FLAGS), e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Fork with an IPC channel (the embedded server reports its URLs over it). */
  ipc?: boolean;
}

/** Starts `script` with this very Node binary and the services' V8 flags; its stdout and stderr go to `logPath`. */
export function startChild(opts: StartOptions): Child {
  const log = openSync(opts.logPath, 'a');
  const stdio = ['ignore', log, log] as const;
  const nodeArgs = [...SERVICE_NODE_FLAGS, ...(opts.nodeArgs ?? [])];
  const child = opts.ipc
    ? fork(opts.script, [], { env: opts.env, execArgv: nodeArgs, stdio: [...stdio, 'ipc'] })
    : spawn(process.execPath, [...nodeArgs, opts.script], { env: opts.env, stdio: [...stdio] });
  closeSync(log);
  const handle: Child = {
    name: opts.name,
    process: child,
    logPath: opts.logPath,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    stop: () => stopChild(handle),
  };
  running.add(handle);
  return handle;
}

/** SIGTERM (the services close cleanly and --cpu-prof gets written), SIGKILL if that takes over 15 s. */
async function stopChild(handle: Child): Promise<void> {
  running.delete(handle);
  const child = handle.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Every child still running, e.g. when the bench is interrupted. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop()));
}

/** Fails with the tail of the child's log when it exits before `ready` settles. */
export async function whileAlive<T>(child: Child, ready: Promise<T>): Promise<T> {
  let onExit: (() => void) | undefined;
  const died = new Promise<never>((_resolve, reject) => {
    onExit = () => reject(new Error(`${child.name} exited early:\n${tail(child.logPath)}`));
    child.process.once('exit', onExit);
  });
  try {
    return await Promise.race([ready, died]);
  } finally {
    child.process.off('exit', onExit!);
  }
}

/** Polls `url` until it answers 200 (subgraph /health, router /ready). */
export async function waitForOk(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A port free on 127.0.0.1 right now (the subgraph mains need a fixed PORT). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** CPU seconds the whole machine has been busy (all cores, every process), from /proc/stat. */
export function machineBusySeconds(): number {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal: everything but idle and iowait.
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    return (user + nice + system + irq + softirq + (steal ?? 0)) / 100;
  } catch {
    return NaN;
  }
}

/** utime + stime from /proc/<pid>/stat, in clock ticks of 1/100 s (USER_HZ on Linux). */
function cpuSecondsOf(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function tail(path: string): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}
