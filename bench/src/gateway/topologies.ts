import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { BenchConfig } from './config';
import { childEnv } from './config';
import { freePort, startChild, waitForOk, whileAlive, type Child } from './processes';

export type Mode = 'embedded' | 'separate';

/** The platform as one of the two deployments, with a direct HTTP endpoint for each subgraph. */
export interface Topology {
  mode: Mode;
  routerUrl: string;
  direct: Record<'identity' | 'activity', string>;
  /** Whose CPU time is read around each measurement. */
  processes: Child[];
  stop(): Promise<void>;
}

const ROOT = resolve(__dirname, '../../..');
const SUPERGRAPH_PATH = join(ROOT, 'schema/supergraph.graphql');

export interface TopologyOptions {
  config: BenchConfig;
  /** Holds this deployment's SQLite files and process logs. */
  workDir: string;
  /** Where --cpu-prof writes, when profiling. */
  profileDir: string;
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
 * Three processes from the dist entries, as deployed: identity (its dev seed runs on boot), activity, and the
 * router calling both over HTTP. One JWT secret; each subgraph on its own SQLite file.
 */
export async function startSeparate({ config, workDir, profileDir }: TopologyOptions): Promise<Topology> {
  const secret = jwtSecret();
  const [identityPort, activityPort, routerPort] = [await freePort(), await freePort(), await freePort()];
  const started: Child[] = [];
  const stop = async () => {
    for (const child of started.reverse()) await child.stop();
  };
  try {
    const subgraph = (name: 'identity' | 'activity', port: number) => {
      const child = startChild({
        name,
        script: join(ROOT, `subgraphs/${name}/dist/main.js`),
        logPath: join(workDir, `${name}.log`),
        env: childEnv({
          PORT: String(port),
          DATABASE_URL: `file:${join(workDir, `${name}.db`)}`,
          JWT_SECRET: secret,
          LOG_LEVEL: config.logLevel,
        }),
      });
      started.push(child);
      return child;
    };
    const identity = subgraph('identity', identityPort);
    const activity = subgraph('activity', activityPort);
    const direct = {
      identity: `http://127.0.0.1:${identityPort}/graphql`,
      activity: `http://127.0.0.1:${activityPort}/graphql`,
    };
    await whileAlive(identity, waitForOk(`http://127.0.0.1:${identityPort}/health`));
    await whileAlive(activity, waitForOk(`http://127.0.0.1:${activityPort}/health`));

    const router = startChild({
      name: 'router',
      script: join(ROOT, 'router/dist/main.js'),
      logPath: join(workDir, 'router.log'),
      nodeArgs: profileArgs(config, profileDir, 'router'),
      env: childEnv({
        PORT: String(routerPort),
        HOST: '127.0.0.1',
        SUBGRAPH_URLS: `identity=${direct.identity},activity=${direct.activity}`,
        SUPERGRAPH_PATH,
        JWT_SECRET: secret,
        LOG_LEVEL: config.logLevel,
      }),
    });
    started.push(router);
    await whileAlive(router, waitForOk(`http://127.0.0.1:${routerPort}/ready`));
    return {
      mode: 'separate',
      routerUrl: `http://127.0.0.1:${routerPort}/graphql`,
      direct,
      processes: [router, identity, activity],
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function profileArgs(config: BenchConfig, dir: string, name: string): string[] {
  return config.profile ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}-${process.pid}.cpuprofile`] : [];
}

/** A fresh secret per run: no token of this bench is valid anywhere else. */
const jwtSecret = () => randomBytes(32).toString('hex');
