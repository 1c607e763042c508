import type { EntityManager } from '@mikro-orm/core';
import { Redis } from 'ioredis';
import { createTokenSigner, isPlatformAdmin, MemoryRevocationList, type Caller, type RevocationList } from './auth';
import type { BaseConfig } from './config';
import { createOrm, ensureSchema, forkForTenant, type CreateOrmOptions, type Orm, type SqlCounter } from './db';
import { startOutbox, type EventBus } from './events';
import { createLogger, type Logger } from './logging';
import { RedisRevocationList } from './revocation-redis';
import { databaseHealth, type ContextDeps, type HealthChecks } from './subgraph';

export interface SubgraphBaseOptions {
  /** The logger's name when none is given. */
  name: string;
  config: Pick<BaseConfig, 'LOG_LEVEL' | 'JWT_SECRET' | 'DATABASE_URL' | 'REDIS_URL' | 'SQLITE_SYNCHRONOUS'>;
  entities: CreateOrmOptions['entities'];
  /** `join(__dirname, 'migrations')`: `.ts` under jest, `.js` after tsc. Without: a safe schema update (tests). */
  migrationsPath?: string;
  /** Runs once the schema is current (seed data); when it fails, the ORM is closed again. */
  prepare?(orm: Orm): Promise<void>;
  /** Shared with the router and the other subgraphs; default: Redis when REDIS_URL is set, else in memory. */
  revocations?: RevocationList;
  /** Where the outbox relay publishes; default: an InProcessBus owned here. */
  bus?: EventBus;
  logger?: Logger;
  /** Tests count SQL statements through it. */
  sqlCounter?: SqlCounter;
  /** The outbox relay's idle poll period (default 1 s); tests lengthen it to prove commits publish by themselves. */
  relayPollIntervalMs?: number;
}

/** What every subgraph runtime stands on: its database, token checks, outbox, health and shutdown. */
export interface SubgraphBase {
  orm: Orm;
  logger: Logger;
  /** Where the outbox relay publishes, and where event consumers subscribe. */
  bus: EventBus;
  /** For `createRequestContext`. */
  contextDeps: ContextDeps;
  health(): Promise<HealthChecks>;
  /** Stops the outbox relay, then closes the database and Redis. */
  close(): Promise<void>;
}

/** Opens the ORM (schema migrated, `prepare` run), the revocation list and the outbox relay of one subgraph. */
export async function startSubgraphBase(opts: SubgraphBaseOptions): Promise<SubgraphBase> {
  const { config } = opts;
  const logger = opts.logger ?? createLogger({ name: opts.name, level: config.LOG_LEVEL });
  const orm = await createOrm({
    entities: opts.entities,
    databaseUrl: config.DATABASE_URL,
    sqliteSynchronous: config.SQLITE_SYNCHRONOUS,
    sqlCounter: opts.sqlCounter,
    logger: (msg: string) => logger.debug(msg),
    migrations: opts.migrationsPath ? { path: opts.migrationsPath } : undefined,
  });
  try {
    await ensureSchema(orm);
    await opts.prepare?.(orm);
  } catch (error) {
    await orm.close();
    throw error;
  }
  // Concurrent requests' revocation checks made in one tick share one write to Redis.
  const redis = !opts.revocations && config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, enableAutoPipelining: true }) : null;
  redis?.on('error', () => undefined); // ioredis reconnects by itself; health() reports the outage
  const outbox = startOutbox(orm.em, { bus: opts.bus, logger, pollIntervalMs: opts.relayPollIntervalMs });
  return {
    orm,
    logger,
    bus: outbox.bus,
    contextDeps: {
      signer: createTokenSigner(config.JWT_SECRET),
      revocations: opts.revocations ?? (redis ? new RedisRevocationList(redis) : new MemoryRevocationList()),
      forkEm: (caller) => forkForCaller(orm.em, caller),
    },
    async health() {
      const checks: HealthChecks = { database: await databaseHealth(orm) };
      if (redis) checks.redis = await redis.ping().then(() => 'healthy' as const, () => 'unhealthy' as const);
      return checks;
    },
    async close() {
      await outbox.close();
      await orm.close();
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * The caller's EntityManager: the platform sees every tenant, everyone else their own. Anonymous requests get one
 * with no tenant chosen, which the tenant filter refuses to query with until a login picks the tenant (fail closed).
 */
export function forkForCaller(em: EntityManager, caller: Caller | null): EntityManager {
  if (caller && isPlatformAdmin(caller)) return forkForTenant(em, null);
  if (caller?.tenantId) return forkForTenant(em, caller.tenantId);
  return em.fork();
}
