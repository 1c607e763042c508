import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { composeSupergraph, freePort, startChild, waitForOk, whileAlive, type Child } from '@platform/testkit';
import { startTcpBalancer, type TcpBalancer } from './tcp-balancer';

const ROOT = resolve(__dirname, '../..');

/**
 * Production's shape on one machine, every service a process of its own from its dist entry: identity, two
 * activity instances on one database behind a round-robin TCP balancer, two routers reaching activity through it;
 * one Redis for all (events, live notices, revocations).
 */
export interface ScaleOut {
  routerUrls: [string, string];
  activities: [Child, Child];
  activityPorts: [number, number];
  balancer: TcpBalancer;
  logDir: string;
  stop(): Promise<void>;
}

export async function startScaleOut(databaseUrl: string): Promise<ScaleOut> {
  const logDir = mkdtempSync(join(tmpdir(), 'scale-out-'));
  const started: Child[] = [];
  let balancer: TcpBalancer | undefined;
  const stop = async () => {
    for (const child of started.reverse()) await child.stop();
    await balancer?.close();
  };
  const shared = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    // Apart from every other run on this Redis.
    EVENT_BUS_PREFIX: `scale-${randomBytes(4).toString('hex')}:`,
    RATE_LIMIT_PREFIX: `scale-${randomBytes(4).toString('hex')}`,
  };
  const databaseOf = (name: string) => {
    const url = new URL(databaseUrl);
    url.pathname = `${url.pathname}_${name}`;
    return url.toString();
  };
  const start = async (name: string, script: string, env: Record<string, string>, readyPath: string) => {
    const port = await freePort();
    const child = startChild({
      name,
      script: join(ROOT, script),
      logPath: join(logDir, `${name}.log`),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...shared, ...env, PORT: String(port) },
    });
    started.push(child);
    await whileAlive(child, waitForOk(`http://127.0.0.1:${port}${readyPath}`, 90_000));
    return { child, port };
  };
  try {
    const identity = await start('identity', 'subgraphs/identity/dist/main.js', { DATABASE_URL: databaseOf('identity') }, '/health');
    // One after the other: the first migrates the shared database.
    // Both instances poll for announcements taking effect every second: each must be pushed once all the same.
    const activityEnv = { DATABASE_URL: databaseOf('activity'), ANNOUNCEMENT_POLL_SECONDS: '1' };
    const a1 = await start('activity-1', 'subgraphs/activity/dist/main.js', activityEnv, '/health');
    const a2 = await start('activity-2', 'subgraphs/activity/dist/main.js', activityEnv, '/health');
    balancer = await startTcpBalancer([a1.port, a2.port]);
    // The supergraph of the subgraphs this topology runs (the committed one names every subgraph of the platform).
    const supergraphPath = join(logDir, 'supergraph.graphql');
    const sdl = (name: string) => ({ name, sdl: readFileSync(join(ROOT, `schema/${name}.graphql`), 'utf8') });
    writeFileSync(supergraphPath, composeSupergraph([sdl('identity'), sdl('activity')]));
    const routerEnv = {
      HOST: '127.0.0.1',
      SUPERGRAPH_PATH: supergraphPath,
      SUBGRAPH_URLS: `identity=http://127.0.0.1:${identity.port}/graphql,activity=http://127.0.0.1:${balancer.port}/graphql`,
    };
    const [r1, r2] = await Promise.all([
      start('router-1', 'router/dist/main.js', routerEnv, '/ready'),
      start('router-2', 'router/dist/main.js', routerEnv, '/ready'),
    ]);
    return {
      routerUrls: [`http://127.0.0.1:${r1.port}`, `http://127.0.0.1:${r2.port}`],
      activities: [a1.child, a2.child],
      activityPorts: [a1.port, a2.port],
      balancer,
      logDir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
