import type { EntityManager } from '@mikro-orm/core';
import {
  createLogger,
  createOrm,
  createPubSub,
  createRequestContext,
  createTokenSigner,
  databaseHealth,
  ensureSchema,
  forkForTenant,
  isPlatformAdmin,
  MemoryRevocationList,
  type Caller,
  type Logger,
  type RevocationList,
  type SubgraphRuntime,
} from '@platform/kit';
import type { PubSub } from 'type-graphql';
import type { ActivityConfig } from './config';
import type { ActivityContext } from './context';
import { ACTIVITY_ENTITIES } from './entities';
import { buildActivitySchema } from './schema';

export interface ActivityDeps {
  /** Shared with identity so a revoked session is refused here too (default: in-memory). */
  revocations?: RevocationList;
  /** Default: `createPubSub` from the config (Redis when REDIS_URL is set, so every instance sees every notice). */
  pubSub?: PubSub;
  logger?: Logger;
}

export async function createActivity(
  config: ActivityConfig,
  deps: ActivityDeps = {},
): Promise<SubgraphRuntime<ActivityContext>> {
  const orm = await createOrm({ entities: ACTIVITY_ENTITIES, databaseUrl: config.DATABASE_URL });
  await ensureSchema(orm);
  const ownPubSub = deps.pubSub ? undefined : createPubSub({ redisUrl: config.REDIS_URL });
  const pubSub = deps.pubSub ?? ownPubSub!;
  const logger = deps.logger ?? createLogger({ name: 'activity', level: config.LOG_LEVEL });
  const { schema, sdl } = await buildActivitySchema(pubSub);
  const contextDeps = {
    signer: createTokenSigner(config.JWT_SECRET),
    revocations: deps.revocations ?? new MemoryRevocationList(),
    forkEm: (caller: Caller | null): EntityManager =>
      // Anonymous callers get no tenant scope at all: the filter then refuses every query (fail closed).
      caller ? forkForTenant(orm.em, isPlatformAdmin(caller) ? null : caller.tenantId) : orm.em.fork(),
  };
  return {
    name: 'activity',
    schema,
    sdl,
    async createContext(headers) {
      return { ...(await createRequestContext(contextDeps, headers)), pubSub, logger };
    },
    async health() {
      return { database: await databaseHealth(orm) };
    },
    async close() {
      await ownPubSub?.close();
      await orm.close();
    },
  };
}
