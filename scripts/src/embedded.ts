import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import {
  createLogger,
  createPubSub,
  createStorage,
  createTokenSigner,
  DeferredGraphAccess,
  InProcessBus,
  MemoryRevocationList,
  RedisRevocationList,
  RedisStreamBus,
  type EventBus,
  type HealthChecks,
  type Logger,
  type SubgraphRuntime,
} from '@platform/kit';
import { adapterEdgeOptions, createAdapter, type Adapter, type AdapterOptions } from '@platform/rest-adapter';
import { createRouter, readManifestHashes, type Router } from '@platform/router';
import { loadPlatformConfig, subgraphDatabaseUrl, type PlatformConfig } from './config';
import { registeredSubgraphs, type AnySubgraph } from './registered-subgraphs';

/** The committed supergraph; production and the embedded mode both boot from it. */
export const SUPERGRAPH_PATH = path.resolve(__dirname, '../../schema/supergraph.graphql');

export interface PlatformOptions {
  /** Settings (default: process.env); `DATA_DIR=:memory:` keeps everything in memory. */
  env?: NodeJS.ProcessEnv;
  /** Boot from this supergraph instead of the committed one (the schema script does). */
  supergraphSdl?: string;
  /** The subgraphs to run (default: every one subgraphs/registry.json names). */
  subgraphs?: AnySubgraph[];
  logger?: Logger;
  /**
   * Adapter options beyond what the configuration sets (the contract tests check every answer; a platform of only
   * some subgraphs serves only the routes its supergraph answers).
   */
  adapter?: Pick<AdapterOptions, 'checkPayload' | 'routes'>;
}

export interface Platform {
  config: PlatformConfig;
  router: Router;
  adapter: Adapter;
  subgraphs: SubgraphRuntime[];
  /** The process's event bus, which every runtime's outbox relay publishes to. */
  bus: EventBus;
  /** Binds the router and the adapter to their ports; resolves to their base URLs. */
  listen(): Promise<{ routerUrl: string; adapterUrl: string }>;
  close(): Promise<void>;
}

/**
 * Router, REST adapter and every subgraph in one process. The router calls the subgraphs in-process
 * (no HTTP hop); with DATABASE_URL / REDIS_URL set the same assembly runs on MySQL and Redis.
 */
export async function startPlatform(opts: PlatformOptions = {}): Promise<Platform> {
  const env = opts.env ?? process.env;
  const config = loadPlatformConfig(env);
  const logger = opts.logger ?? createLogger({ name: 'platform', level: config.LOG_LEVEL });
  const production = config.NODE_ENV === 'production';
  if (!config.DATABASE_URL && config.DATA_DIR !== ':memory:') mkdirSync(config.DATA_DIR, { recursive: true });

  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 }) : null;
  const revocations = redis ? new RedisRevocationList(redis) : new MemoryRevocationList();
  const pubSub = createPubSub({ redisUrl: config.REDIS_URL });
  // One bus for every runtime's outbox relay (and, later, its consumers): Redis Streams survive a restart and
  // reach the other instances; in process, events live as long as the process.
  const busErrors = logger.child({ service: 'event-bus' });
  const onError = (err: unknown, event?: { id: string }) =>
    busErrors.error({ err, eventId: event?.id }, 'event handler failed, will retry');
  const bus: EventBus = config.REDIS_URL
    ? new RedisStreamBus({ redisUrl: config.REDIS_URL, keyPrefix: config.EVENT_BUS_PREFIX, onError })
    : new InProcessBus({ onError, history: 10_000 }); // consumers started later still learn what was published
  // Objects (uploads, exports) beside the databases; in a folder of its own, removed at close, when those are in memory.
  const scratchStorage = !env.STORAGE_DIR && config.DATA_DIR === ':memory:' ? mkdtempSync(path.join(tmpdir(), 'platform-files-')) : undefined;
  const storageDir = env.STORAGE_DIR ?? scratchStorage ?? path.join(config.DATA_DIR, 'files');
  const storage = createStorage({ ...config, STORAGE_DIR: storageDir });
  const envFor = (name: string) => ({
    ...env,
    STORAGE_DIR: storageDir,
    DATABASE_URL: subgraphDatabaseUrl(config, name),
    // E-mail without SMTP_URL lands beside the data (.eml files a person can open); in memory, in a temporary folder.
    MAIL_OUTBOX_DIR: env.MAIL_OUTBOX_DIR ?? mailOutboxDir(config.DATA_DIR),
  });
  // Export tasks run their queries through the router, which is built after the subgraphs.
  const graph = new DeferredGraphAccess();

  const subgraphs: SubgraphRuntime[] = [];
  const closeAll = async () => {
    // Runtimes first: each stops its relay, which may be publishing to the bus.
    for (const s of subgraphs.reverse()) await s.close();
    await bus.close();
    await pubSub.close();
    await storage.close();
    if (scratchStorage) rmSync(scratchStorage, { recursive: true, force: true });
    redis?.disconnect();
  };
  try {
    for (const subgraph of opts.subgraphs ?? registeredSubgraphs()) {
      // Each subgraph's own configuration type: it only goes back to the subgraph that loaded it.
      const subgraphConfig: unknown = subgraph.loadConfig(envFor(subgraph.name));
      const deps = { revocations, pubSub, bus, graph, logger: logger.child({ service: subgraph.name }) };
      subgraphs.push(await subgraph.start(subgraphConfig, deps));
    }
    const supergraphSdl = opts.supergraphSdl ?? readFileSync(SUPERGRAPH_PATH, 'utf8');
    const router = await createRouter({
      supergraphSdl,
      subgraphs: Object.fromEntries(subgraphs.map((runtime) => [runtime.name, { kind: 'local', runtime }])),
      signer: createTokenSigner(config.JWT_SECRET),
      revocations,
      production,
      logger: logger.child({ service: 'router' }),
      trustedProxies: config.TRUSTED_PROXIES,
      corsOrigins: config.CORS_ORIGINS,
      trustedDocuments: {
        mode: config.TRUSTED_DOCUMENTS,
        hashes: config.TRUSTED_DOCUMENTS === 'off' ? [] : readManifestHashes(path.resolve(config.TRUSTED_DOCUMENTS_PATH)),
        exemptPlatformAdmins: config.TRUSTED_DOCUMENTS_EXEMPT_ADMINS,
      },
    });
    graph.set(router.executor);
    const adapter = await createAdapter({
      executor: router.executor,
      storage,
      logger: logger.child({ service: 'rest-adapter' }),
      production,
      supergraphSdl,
      ...adapterEdgeOptions(config),
      healthChecks: () => platformHealth(subgraphs, redis),
      // /ws/notifications reaches the router's graphql-ws endpoint once the router listens.
      routerSocketUrl: () => router.socketUrl(),
      ...opts.adapter,
    });
    return {
      config,
      router,
      adapter,
      subgraphs,
      bus,
      async listen() {
        const routerUrl = await router.listen(config.ROUTER_PORT, config.HOST);
        const adapterUrl = await adapter.listen(config.ADAPTER_PORT, config.HOST);
        return { routerUrl, adapterUrl };
      },
      async close() {
        await adapter.close();
        await router.close();
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** The adapter's /api/health checks: every subgraph's database, and Redis when configured. */
async function platformHealth(subgraphs: SubgraphRuntime[], redis: Redis | null): Promise<HealthChecks> {
  const results = await Promise.all(subgraphs.map((s) => s.health()));
  const database = results.every((r) => r.database !== 'unhealthy') ? 'healthy' : 'unhealthy';
  const checks: HealthChecks = { database };
  if (redis) checks.redis = await redis.ping().then(() => 'healthy' as const, () => 'unhealthy' as const);
  return checks;
}

const mailOutboxDir = (dataDir: string) =>
  dataDir === ':memory:' ? path.join(tmpdir(), `platform-outbox-${process.pid}`) : path.join(dataDir, 'outbox');
