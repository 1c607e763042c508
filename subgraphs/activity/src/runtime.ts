import { join } from 'node:path';
import {
  createPubSub,
  createRequestContext,
  projectForeignRefs,
  USER_REFS,
  startSubgraphBase,
  type EventBus,
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
  /** Default: Redis when REDIS_URL is set, shared with identity so a signed-out session is refused here too. */
  revocations?: RevocationList;
  /** Default: `createPubSub` from the config (Redis when REDIS_URL is set, so every instance sees every notice). */
  pubSub?: PubSub;
  /**
   * Where the outbox relay publishes `notification.sent`: the launcher's, shared by every runtime.
   * Default: an InProcessBus owned here.
   */
  bus?: EventBus;
  logger?: Logger;
}

export async function createActivity(
  config: ActivityConfig,
  deps: ActivityDeps = {},
): Promise<SubgraphRuntime<ActivityContext>> {
  const { pubSub: sharedPubSub, ...baseDeps } = deps;
  const base = await startSubgraphBase({
    name: 'activity',
    config,
    entities: ACTIVITY_ENTITIES,
    migrationsPath: join(__dirname, 'migrations'),
    ...baseDeps,
  });
  const ownPubSub = sharedPubSub ? undefined : createPubSub({ redisUrl: config.REDIS_URL });
  const pubSub = sharedPubSub ?? ownPubSub!;
  const { logger, contextDeps } = base;
  const { schema, sdl } = await buildActivitySchema(pubSub);
  const stopRefs = await projectForeignRefs({ em: base.orm.em, bus: base.bus, group: 'activity.foreign-refs', sources: [USER_REFS] });
  return {
    name: 'activity',
    schema,
    sdl,
    async createContext(headers) {
      return { ...(await createRequestContext(contextDeps, headers)), pubSub, logger };
    },
    health: base.health,
    async close() {
      await stopRefs();
      await base.close();
      await ownPubSub?.close();
    },
  };
}
