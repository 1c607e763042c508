import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { readRegistry } from '@platform/kit';
import type { BenchConfig } from './config';
import { childEnv } from './config';
import { freePort, startChild, waitForOk, whileAlive, type Child } from '@platform/testkit';

export type Mode = 'embedded' | 'separate';

/** The platform as one of the two deployments, with a direct HTTP endpoint for each subgraph. */
export interface Topology {
  mode: Mode;
  routerUrl: string;
  /** Each registered subgraph's own endpoint, by name. */
  direct: Record<string, string>;
  /** Whose CPU time is read around each measurement. */
  processes: Child[];
  stop(): Promise<void>;
}

const ROOT = resolve(__dirname, '../../..');
const SUPERGRAPH_PATH = join(ROOT, 'schema/supergraph.graphql');
/** Every registered subgraph boots (and migrates) at once: on a loaded 2-core machine that takes minutes. */
const BOOT_MS = 300_000;

export interface TopologyOptions {
  /** What starting the processes needs of the settings; the subscriptions bench passes its own. */
  config: Pick<BenchConfig, 'redisUrl' | 'logLevel' | 'profile'>;
  /** Holds this deployment's SQLite files and process logs. */
  workDir: string;
  /** Where --cpu-prof writes, when profiling. */
  profileDir: string;
  /** More Node flags for the router process (separate mode), e.g. a preload that reports its heap. */
  routerNodeArgs?: string[];
  /** The deployment's JWT secret (separate mode): given when the SQLite files and tokens of an earlier run are reused. */
  jwtSecret?: string;
  /**
   * Separate mode: a MariaDB server (`mariadb://root@127.0.0.1:3306`) on which each subgraph gets a database of its
   * own (`<databasePrefix>_<name>`), instead of a SQLite file in workDir.
   */
  databaseServer?: { url: string; prefix: string };
  /** More Node flags for one subgraph's process (separate mode), e.g. `--cpu-prof` for activity. */
  subgraphNodeArgs?: Record<string, string[]>;
  /** More settings for every process (separate mode), e.g. a rate-limit namespace of the run's own. */
  env?: Record<string, string>;
}

/** One process: startPlatform (router + in-process subgraphs) that also serves each runtime over HTTP. */
export async function startEmbedded({ config, workDir, profileDir }: TopologyOptions): Promise<Topology> {
  const child = startChild({
    name: 'embedded',
    script: join(__dirname, 'embedded-server.js'),
    ipc: true,
    logPath: join(workDir, 'embedded.log'),
    nodeArgs: profileArgs(config, profileDir, 'embedded'),
    env: childEnv({
      DATA_DIR: workDir,
      HOST: '127.0.0.1',
      ROUTER_PORT: '0',
      ADAPTER_PORT: '0',
      JWT_SECRET: jwtSecret(),
      LOG_LEVEL: config.logLevel,
    }),
  });
  const urls = await whileAlive(
    child,
    new Promise<{ routerUrl: string; direct: Topology['direct'] }>((resolve) => child.process.once('message', resolve as never)),
  );
  return { mode: 'embedded', ...urls, processes: [child], stop: () => child.stop() };
}

/**
 * One process per registered subgraph from the dist entries, as deployed (identity's dev seed runs on boot), and
 * the router calling them over HTTP. One JWT secret; each subgraph on its own SQLite file.
 */
export async function startSeparate({ config, workDir, profileDir, routerNodeArgs = [], subgraphNodeArgs = {}, databaseServer, env = {}, ...given }: TopologyOptions): Promise<Topology> {
  const secret = given.jwtSecret ?? jwtSecret();
  // One event namespace per run, apart from anything else on that Redis.
  const events = { REDIS_URL: config.redisUrl, EVENT_BUS_PREFIX: `bench-${randomBytes(4).toString('hex')}:`, ...env };
  const started: Child[] = [];
  const stop = async () => {
    for (const child of started.reverse()) await child.stop();
  };
  try {
    // Chosen first: the subgraphs that reach the graph (collections, files) are told where the router will be.
    const routerPort = await freePort();
    const subgraphs: Array<{ name: string; port: number; child: Child }> = [];
    // Every subgraph of the registry, each from its dist entry on a SQLite file of its own.
    for (const { name } of readRegistry()) {
      const port = await freePort();
      const child = startChild({
        name,
        script: join(ROOT, `subgraphs/${name}/dist/main.js`),
        logPath: join(workDir, `${name}.log`),
        nodeArgs: subgraphNodeArgs[name] ?? [],
        env: childEnv({
          PORT: String(port),
          DATABASE_URL: databaseServer ? databaseUrlOf(databaseServer, name) : `file:${join(workDir, `${name}.db`)}`,
          JWT_SECRET: secret,
          LOG_LEVEL: config.logLevel,
          ROUTER_URL: `http://127.0.0.1:${routerPort}/graphql`,
          ...events,
        }),
      });
      started.push(child);
      subgraphs.push({ name, port, child });
    }
    const direct = Object.fromEntries(subgraphs.map(({ name, port }) => [name, `http://127.0.0.1:${port}/graphql`]));
    for (const { port, child } of subgraphs) await whileAlive(child, waitForOk(`http://127.0.0.1:${port}/health`, BOOT_MS));

    const router = startChild({
      name: 'router',
      script: join(ROOT, 'router/dist/main.js'),
      logPath: join(workDir, 'router.log'),
      nodeArgs: [...profileArgs(config, profileDir, 'router'), ...routerNodeArgs],
      env: childEnv({
        PORT: String(routerPort),
        HOST: '127.0.0.1',
        SUBGRAPH_URLS: Object.entries(direct).map(([name, url]) => `${name}=${url}`).join(','),
        SUPERGRAPH_PATH,
        JWT_SECRET: secret,
        LOG_LEVEL: config.logLevel,
        ...events,
      }),
    });
    started.push(router);
    await whileAlive(router, waitForOk(`http://127.0.0.1:${routerPort}/ready`, BOOT_MS));
    return {
      mode: 'separate',
      routerUrl: `http://127.0.0.1:${routerPort}/graphql`,
      direct,
      processes: [router, ...subgraphs.map((s) => s.child)],
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One subgraph's database on a MariaDB server: `<prefix>_<name>`. */
export function databaseUrlOf(server: { url: string; prefix: string }, name: string): string {
  const url = new URL(server.url);
  url.pathname = `/${server.prefix}_${name}`;
  return url.toString();
}

function profileArgs(config: TopologyOptions['config'], dir: string, name: string): string[] {
  return config.profile ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}-${process.pid}.cpuprofile`] : [];
}

/** A fresh secret per run: no token of this bench is valid anywhere else. */
export const jwtSecret = () => randomBytes(32).toString('hex');
