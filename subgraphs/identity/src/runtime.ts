import { join } from 'node:path';
import {
  createOperationLimits,
  createRequestContext,
  forkForTenant,
  limitsOf,
  startSubgraphBase,
  type EventBus,
  type Logger,
  type Orm,
  type RevocationList,
  type SqlCounter,
  type SubgraphRuntime,
} from '@platform/kit';
import type { PubSub } from 'type-graphql';
import type { IdentityConfig } from './config';
import { IDENTITY_ENTITIES } from './entities';
import type { IdentityContext, IdentityServices } from './identity.context';
import { buildIdentitySchema } from './schema';
import { seedIdentity } from './seed';
import { AUTH_RATE_CLASSES } from './services/auth-limits';
import { clientAddressOf } from './services/client-address';
import { CredentialCipher } from './services/credential-cipher.service';

export interface IdentityDeps {
  /** Shared with the router and the other subgraphs; default: Redis when REDIS_URL is set, else in memory. */
  revocations?: RevocationList;
  pubSub?: PubSub;
  /** Where the outbox relay publishes identity's events (user.created); default: an InProcessBus owned here. */
  bus?: EventBus;
  /** Tests count SQL statements through it. */
  sqlCounter?: SqlCounter;
  logger?: Logger;
}

export interface IdentityRuntime extends SubgraphRuntime<IdentityContext> {
  orm: Orm;
  services: IdentityServices;
}

export async function createIdentity(config: IdentityConfig, deps: IdentityDeps = {}): Promise<IdentityRuntime> {
  const { pubSub, ...baseDeps } = deps;
  const { schema, sdl } = await buildIdentitySchema({ pubSub });
  const base = await startSubgraphBase({
    name: 'identity',
    config,
    entities: IDENTITY_ENTITIES,
    migrationsPath: join(__dirname, 'migrations'),
    prepare: (orm) => seedIdentity(forkForTenant(orm.em, null), config),
    ...baseDeps,
  });
  const { orm, contextDeps } = base;
  const services: IdentityServices = {
    config,
    signer: contextDeps.signer,
    revocations: contextDeps.revocations,
    cipher: new CredentialCipher(config.CREDENTIALS_KEY),
    limits: createOperationLimits({ limits: limitsOf(config.RATE_LIMITS, AUTH_RATE_CLASSES), redisUrl: config.REDIS_URL, keyPrefix: config.RATE_LIMIT_PREFIX, logger: base.logger }),
    platformEm: () => forkForTenant(orm.em, null),
  };

  return {
    name: 'identity',
    schema,
    sdl,
    orm,
    services,
    async createContext(headers) {
      return { ...(await createRequestContext(contextDeps, headers)), services, clientAddress: clientAddressOf(headers) };
    },
    health: base.health,
    async close() {
      await services.limits.close();
      await base.close();
    },
  };
}
