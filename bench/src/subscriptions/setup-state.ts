import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Recipient } from './accounts';

/** A setup kept for later runs: the deployment's secret, its recipients (tokens included) and when it was made. */
export interface SetupState {
  preparedAt: string;
  jwtSecret: string;
  recipients: Recipient[];
}

/** Tokens of the setup must still hold this long when a run starts (the web channel's access tokens last 2 h). */
const TOKEN_LIFETIME_MS = 7_200_000;
const MARGIN_MS = 30 * 60_000;
const isDatabaseFile = (name: string) => /\.db(-wal|-shm|-journal)?$/.test(name);

/**
 * The kept setup of `dir` when it can serve `subscribers` subscribers: enough recipients, tokens valid for the
 * run. Its SQLite files are copied into `workDir`, where the deployment opens them.
 */
export function takeSetup(dir: string, workDir: string, subscribers: number): { state?: SetupState; reason: string } {
  const file = join(dir, 'state.json');
  if (!dir || !existsSync(file)) return { reason: 'no kept setup' };
  const state = JSON.parse(readFileSync(file, 'utf8')) as SetupState;
  if (state.recipients.length < subscribers) return { reason: `kept setup has ${state.recipients.length} recipients, fewer than ${subscribers}` };
  const left = Date.parse(state.preparedAt) + TOKEN_LIFETIME_MS - Date.now();
  if (left < MARGIN_MS) return { reason: `kept setup's tokens expire in ${Math.round(left / 60_000)} min` };
  for (const name of readdirSync(dir).filter(isDatabaseFile)) copyFileSync(join(dir, name), join(workDir, name));
  return { state: { ...state, recipients: state.recipients.slice(0, subscribers) }, reason: `setup of ${state.preparedAt} reused from ${dir}` };
}

/** Keeps the setup: `workDir`'s SQLite files (the deployment stopped, so they are complete) and `state`. */
export function keepSetup(dir: string, workDir: string, state: SetupState): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(workDir).filter(isDatabaseFile)) copyFileSync(join(workDir, name), join(dir, name));
  writeFileSync(join(dir, 'state.json'), JSON.stringify(state));
}
