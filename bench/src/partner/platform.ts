import { join } from 'node:path';
import { freePort, startChild, waitForOk, whileAlive, type Child } from '@platform/testkit';
import { serverEnv } from '../cases/config';
import { jwtSecret, startSeparate } from '../gateway/topologies';

/** The platform the partner bench drives: its two public endpoints and every process it runs as. */
export interface PlatformUnderTest {
  routerUrl: string;
  adapterUrl: string;
  processes: Child[];
  stop(): Promise<void>;
}

export interface PlatformOptions {
  topology: 'embedded' | 'separate';
  /** The MariaDB database prefix: each subgraph gets `<base>_<name>`. */
  databaseBase: URL;
  redisUrl: string;
  logLevel: string;
  workDir: string;
  /** Settings for every process: the run's own event and rate-limit namespaces. */
  env: Record<string, string>;
  /** Embedded: Node flags of the platform's process (e.g. --cpu-prof). */
  nodeArgs?: string[];
}

/**
 * `embedded`: the whole platform in one process, as `npm start` runs it. `separate`: every subgraph, the router and
 * the REST adapter each a process of its own from its dist entry, as docker-compose deploys them.
 */
export function startPlatformUnderTest(options: PlatformOptions): Promise<PlatformUnderTest> {
  return options.topology === 'embedded' ? startEmbeddedPlatform(options) : startSeparatePlatform(options);
}

async function startEmbeddedPlatform({ databaseBase, redisUrl, logLevel, workDir, env, nodeArgs }: PlatformOptions): Promise<PlatformUnderTest> {
  const server = startChild({
    name: 'platform',
    script: join(__dirname, '../cases/server.js'),
    ipc: true,
    nodeArgs,
    logPath: join(workDir, 'platform.log'),
    env: serverEnv({ DATABASE_URL: databaseBase.toString(), REDIS_URL: redisUrl, DATA_DIR: workDir, HOST: '127.0.0.1', ROUTER_PORT: '0', ADAPTER_PORT: '0', LOG_LEVEL: logLevel, ...env }),
  });
  try {
    const urls = await whileAlive(server, new Promise<{ routerUrl: string; adapterUrl: string }>((done) => server.process.once('message', done as never)));
    return { ...urls, processes: [server], stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function startSeparatePlatform({ databaseBase, redisUrl, logLevel, workDir, env }: PlatformOptions): Promise<PlatformUnderTest> {
  const secret = jwtSecret();
  const server = new URL(databaseBase);
  server.pathname = '/';
  const topology = await startSeparate({
    config: { redisUrl, logLevel: logLevel as never, profile: false },
    workDir,
    profileDir: workDir,
    jwtSecret: secret,
    databaseServer: { url: server.toString(), prefix: databaseBase.pathname.slice(1) },
    env: { DATA_DIR: workDir, STORAGE_DIR: join(workDir, 'files'), ...env },
  });
  try {
    const port = await freePort();
    const adapter = startChild({
      name: 'adapter',
      script: join(__dirname, '../../../rest-adapter/dist/main.js'),
      logPath: join(workDir, 'adapter.log'),
      env: serverEnv({ PORT: String(port), HOST: '127.0.0.1', ROUTER_URL: topology.routerUrl, REDIS_URL: redisUrl, JWT_SECRET: secret, LOG_LEVEL: logLevel, DATA_DIR: workDir, STORAGE_DIR: join(workDir, 'files'), ...env }),
    });
    await whileAlive(adapter, waitForOk(`http://127.0.0.1:${port}/health`, 120_000));
    return {
      routerUrl: topology.routerUrl,
      adapterUrl: `http://127.0.0.1:${port}`,
      processes: [...topology.processes, adapter],
      stop: async () => {
        await adapter.stop();
        await topology.stop();
      },
    };
  } catch (error) {
    await topology.stop();
    throw error;
  }
}
