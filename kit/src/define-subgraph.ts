import type { EntityManager } from '@mikro-orm/core';
import type { IRules } from 'graphql-shield';
import type { NonEmptyArray, PubSub } from 'type-graphql';
import type { z } from 'zod';
import type { RevocationList, TokenSigner } from './auth';
import type { ClaimScopedFields } from './claim-scoped';
import { ConfigError, isProduction, loadConfig, processEnv, type BaseConfig } from './config';
import type { RequestContext } from './context';
import { createMigrations, forkForTenant, type CreateOrmOptions, type Orm, type SqlCounter } from './db';
import {
  deadLetterPermissions,
  deadLetterResolver,
  eventEntities,
  RedisStreamBus,
  startConsumers,
  type EventBus,
  type EventConsumer,
} from './events';
import { httpGraphAccess, type GraphAccess } from './graph-access';
import { buildFederatedSchema, type ReferenceResolvers, type SubgraphSchema } from './federation';
import { serveSubgraph } from './http';
import { createLogger, type Logger } from './logging';
import { forkInMutation } from './mutation-transaction';
import { createPubSub } from './pubsub';
import { createRequestContext, type Headers, type SubgraphRuntime } from './subgraph';
import { startSubgraphBase } from './subgraph-base';

/** What every subgraph's configuration holds: the shared settings and the port it listens on alone. */
export interface SubgraphConfig extends BaseConfig {
  PORT: number;
  /** Its own process only: the router, for a subgraph that reaches the graph (`reachesGraph`). */
  ROUTER_URL?: string;
}

/** What a running subgraph offers its services, built once per runtime. */
export interface SubgraphParts<Config> {
  config: Config;
  orm: Orm;
  logger: Logger;
  signer: TokenSigner;
  revocations: RevocationList;
  pubSub: PubSub;
  /** An EntityManager across every tenant, for the few operations that precede a tenant (login, refresh). */
  // A function property, not a method: services destructure it.
  platformEm: () => EntityManager;
  /** The whole graph through the router, when the launcher gives one (SubgraphDeps.graph). */
  graph?: GraphAccess;
}

/** Every subgraph's request context: the kit's, its runtime services, live notices and its logger. */
export interface SubgraphContext<Services = unknown> extends RequestContext {
  services: Services;
  pubSub: PubSub;
  logger: Logger;
}

export interface SubgraphDefinition<Config extends SubgraphConfig, Services, Extra extends object> {
  name: string;
  /** zod schema of the environment; `loadConfig` fails fast naming every bad variable. */
  config: z.ZodType<Config>;
  /** Its entities; the kit adds the outbox tables. */
  entities: CreateOrmOptions['entities'];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's buildSchema takes resolver classes as `Function`
  resolvers: NonEmptyArray<Function>;
  /** Types not reachable from a resolver that must still be in the schema (stubs of other subgraphs' entities). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's buildSchema takes orphaned types as `Function`
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type (`<entity>.reference.ts`). */
  references?: ReferenceResolvers;
  permissions: IRules;
  /**
   * Mutations that commit on their own instead of in the one transaction per mutation: only where a failure must
   * still leave a record (a replayed refresh token revokes its session and then answers an error).
   */
  ownTransactions?: readonly string[];
  /**
   * Entity fields (type → field names) whose answer is a function of the caller's claims only — tenant, roles,
   * permissions, data scope — never of the user: the router shares one subscription event's fetch of them among
   * subscribers with the same claims. Opt-in; declare a field only with a test that its answers hold (testkit
   * claimScopedAnswers).
   */
  claimScoped?: ClaimScopedFields;
  /**
   * `join(__dirname, 'migrations')`: `.ts` under jest, `.js` after tsc. Left out only by throwaway subgraphs (tests):
   * their schema is then created from the entities.
   */
  migrations?: string;
  /** Runs on every start once the schema is current, over every tenant; must be idempotent. */
  seed?(em: EntityManager, config: Config): Promise<void>;
  /**
   * Bus consumers (group `<subgraph>.<consumer>`): each event handled once, retried with back-off, then kept as a
   * dead letter that the super admin lists and replays through `<subgraph>DeadLetters` / `replay<Subgraph>DeadLetter`.
   */
  consumers?: readonly EventConsumer[];
  services?(parts: SubgraphParts<Config>): Services;
  /**
   * Its services call the graph through the router (SubgraphParts.graph): as its own process it then needs
   * ROUTER_URL (`routerUrlShape`) and refuses to start without it, rather than failing at the first such call.
   */
  reachesGraph?: boolean;
  /** Releases what `services` opened (connections), when the runtime closes. */
  closeServices?(services: Services): Promise<void>;
  /** Per-request fields beyond SubgraphContext, from the request's headers. */
  context?(headers: Headers): Extra;
}

/** What a launcher or a test shares with a runtime; each defaults to one the runtime owns. */
export interface SubgraphDeps {
  /** Default: Redis when REDIS_URL is set (shared with the router and the other subgraphs), else in memory. */
  revocations?: RevocationList;
  /** Default: `createPubSub` from the config (Redis when REDIS_URL is set). */
  pubSub?: PubSub;
  /** Where the outbox relay publishes and consumers subscribe. Default: an InProcessBus owned here. */
  bus?: EventBus;
  logger?: Logger;
  /** Tests count SQL statements through it. */
  sqlCounter?: SqlCounter;
  /** The outbox relay's idle poll period (default 1 s). */
  relayPollIntervalMs?: number;
  /** The router, for background work that runs operations as a user (the embedded launcher's in-process one). */
  graph?: GraphAccess;
}

export interface RunningSubgraph<Config, Services, Context extends RequestContext> extends SubgraphRuntime<Context> {
  config: Config;
  orm: Orm;
  services: Services;
  signer: TokenSigner;
  logger: Logger;
  bus: EventBus;
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export interface Subgraph<Config extends SubgraphConfig, Services, Context extends RequestContext> {
  name: string;
  definition: SubgraphDefinition<Config, Services, object>;
  /** The shield rules the schema applies: the definition's, plus the kit's for the fields it adds (dead letters). */
  permissions: IRules;
  loadConfig(env?: NodeJS.ProcessEnv): Config;
  /** The schema and SDL as the code declares them; no database needed. */
  buildSchema(opts?: { pubSub?: PubSub }): Promise<SubgraphSchema>;
  /** The runtime the embedded launcher and the tests call in-process. */
  start(config: Config, deps?: SubgraphDeps): Promise<RunningSubgraph<Config, Services, Context>>;
  /** Separate-process mode: GraphQL over HTTP and graphql-ws on /graphql, plus /health, on `port` (default PORT). */
  listen(port?: number, env?: NodeJS.ProcessEnv): Promise<Listening>;
  /** Writes the next migration (MariaDB and libSQL) into `path` after an entity change; answers the files written. */
  createMigrations(opts: { path: string; mysqlUrl: string }): Promise<string[]>;
}

/**
 * One call declares a subgraph: its name, entities, resolvers, permissions, migrations, seed and event consumers.
 * Everything around it — configuration, the federated schema (shielded, one transaction per mutation), the
 * runtime, `listen(port)`, migrations — is the kit's, the same for every subgraph.
 */
export function defineSubgraph<Config extends SubgraphConfig, Services = Record<string, never>, Extra extends object = object>(
  definition: SubgraphDefinition<Config, Services, Extra>,
): Subgraph<Config, Services, SubgraphContext<Services> & Extra> {
  type Context = SubgraphContext<Services> & Extra;
  const { name } = definition;
  // A Set: a list that already names the outbox tables keeps them once.
  const entities = [...new Set([...definition.entities, ...eventEntities])];
  const consumers = definition.consumers ?? [];
  // Made once per subgraph: type-graphql keeps resolver metadata globally.
  const deadLetters = consumers.length
    ? { resolver: deadLetterResolver(name, consumers), permissions: deadLetterPermissions(name) }
    : undefined;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's buildSchema takes resolver classes as `Function`
  const resolvers: NonEmptyArray<Function> = deadLetters
    ? [...definition.resolvers, deadLetters.resolver]
    : definition.resolvers;
  const permissions = deadLetters ? mergeRules(definition.permissions, deadLetters.permissions) : definition.permissions;

  const buildSchema = (opts: { pubSub?: PubSub } = {}) =>
    buildFederatedSchema({
      resolvers,
      orphanedTypes: definition.orphanedTypes,
      references: definition.references,
      permissions,
      ownTransactions: definition.ownTransactions,
      claimScoped: definition.claimScoped && { subgraph: name, fields: definition.claimScoped },
      pubSub: opts.pubSub,
    });

  async function start(config: Config, deps: SubgraphDeps = {}): Promise<RunningSubgraph<Config, Services, Context>> {
    const { pubSub: sharedPubSub, graph, ...baseDeps } = deps;
    const ownPubSub = sharedPubSub ? undefined : createPubSub({ redisUrl: config.REDIS_URL });
    const pubSub = sharedPubSub ?? ownPubSub!;
    const { schema, sdl } = await buildSchema({ pubSub });
    const base = await startSubgraphBase({
      name,
      config,
      entities,
      migrationsPath: definition.migrations,
      prepare: definition.seed && ((orm) => definition.seed!(forkForTenant(orm.em, null), config)),
      ...baseDeps,
    }).catch(async (error: unknown) => {
      await ownPubSub?.close();
      throw error;
    });
    const { orm, logger, contextDeps, bus } = base;
    const platformEm = () => forkInMutation(orm.em, null);
    const { signer, revocations } = contextDeps;
    const services = (definition.services?.({ config, orm, logger, signer, revocations, pubSub, platformEm, graph }) ??
      {}) as Services;
    const started = await startConsumers({ subgraph: name, em: orm.em, bus, consumers, logger, pubSub }).catch(
      async (error: unknown) => {
        await definition.closeServices?.(services);
        await base.close();
        await ownPubSub?.close();
        throw error;
      },
    );

    return {
      name,
      schema,
      sdl,
      config,
      orm,
      services,
      signer,
      logger,
      bus,
      async createContext(headers) {
        const request = await createRequestContext(contextDeps, headers);
        return { ...request, services, pubSub, logger, ...definition.context?.(headers) } as Context;
      },
      health: () => base.health(),
      async close() {
        await started.close();
        await definition.closeServices?.(services);
        await base.close();
        await ownPubSub?.close();
      },
    };
  }

  const loadSubgraphConfig = (env: NodeJS.ProcessEnv = processEnv()) => loadConfig(name, definition.config, env);

  async function listen(port?: number, env?: NodeJS.ProcessEnv): Promise<Listening> {
    const config = loadSubgraphConfig(env);
    if (definition.reachesGraph && !config.ROUTER_URL) {
      throw new ConfigError(name, ['ROUTER_URL: required: its own process reaches the graph through the router']);
    }
    const logger = createLogger({ name, level: config.LOG_LEVEL });
    // Its own process: events reach the other subgraphs' processes only through Redis Streams.
    const bus = config.REDIS_URL
      ? new RedisStreamBus({
          redisUrl: config.REDIS_URL,
          keyPrefix: config.EVENT_BUS_PREFIX,
          onError: (err, event) => logger.error({ err, eventId: event?.id }, 'event handler failed, will retry'),
        })
      : undefined;
    if (!bus) logger.warn('REDIS_URL is not set: events stay inside this process, other subgraphs never see them');
    const graph = config.ROUTER_URL ? httpGraphAccess(config.ROUTER_URL) : undefined;
    const runtime = await start(config, { logger, bus, graph }).catch(async (error: unknown) => {
      await bus?.close();
      throw error;
    });
    try {
      const served = await serveSubgraph(runtime, {
        port: port ?? config.PORT,
        host: config.HOST,
        production: isProduction(config),
        logger,
      });
      logger.info({ url: served.url }, `${name} subgraph listening`);
      return {
        url: served.url,
        async close() {
          await served.close();
          await runtime.close();
          await bus?.close();
        },
      };
    } catch (error) {
      await runtime.close();
      await bus?.close();
      throw error;
    }
  }

  return {
    name,
    definition: definition,
    permissions,
    loadConfig: loadSubgraphConfig,
    buildSchema,
    start,
    listen,
    createMigrations: ({ path, mysqlUrl }) => createMigrations({ entities, path, mysqlUrl }),
  };
}

/** A subgraph's rules with the kit's added: per type, the subgraph's own field rules stay beside the kit's. */
function mergeRules(own: IRules, added: IRules): IRules {
  const merged: Record<string, unknown> = { ...own };
  for (const [type, rules] of Object.entries(added)) {
    const mine = merged[type];
    merged[type] = mine && typeof mine === 'object' && typeof rules === 'object' ? { ...mine, ...rules } : rules;
  }
  return merged as IRules;
}
