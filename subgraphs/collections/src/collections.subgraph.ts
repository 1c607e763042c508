import { join } from 'node:path';
import {
  clientAddressOf,
  defineSubgraph,
  foreignRefConsumer,
  USER_REFS,
  type ReferenceResolvers,
  type RunningSubgraph,
  type SubgraphDeps,
} from '@platform/kit';
import type { CollectionsContext } from './collections.context';
import { collectionsServices } from './collections.services';
import { collectionsConfigSchema, type CollectionsConfig } from './config';
import { COLLECTIONS_ENTITIES } from './entities';
import { COLLECTIONS_MODULES } from './modules';
import { seedStandardFields } from './modules/fields';
import { mergePermissions } from './modules/module';

const [first, ...rest] = COLLECTIONS_MODULES.flatMap((m) => m.resolvers);

/** CCO collections: organisation, queues, cases and their assignment, the work on them, fields, dashboards, exports. */
export const collections = defineSubgraph({
  name: 'collections',
  config: collectionsConfigSchema,
  entities: COLLECTIONS_ENTITIES,
  resolvers: [first, ...rest],
  orphanedTypes: COLLECTIONS_MODULES.flatMap((m) => m.orphanedTypes ?? []),
  references: COLLECTIONS_MODULES.reduce<ReferenceResolvers>((all, m) => ({ ...all, ...m.references }), {}),
  permissions: mergePermissions(COLLECTIONS_MODULES),
  migrations: join(__dirname, 'migrations'),
  // Collectors' accounts are identity's users, accepted by key as identity announces them (checkForeignRef).
  consumers: [foreignRefConsumer([USER_REFS]), ...COLLECTIONS_MODULES.flatMap((m) => m.consumers ?? [])],
  services: collectionsServices,
  reachesGraph: true,
  context: (headers) => ({ clientAddress: clientAddressOf(headers) }),
  async closeServices(services) {
    services.deliveries.stop();
    services.ptpCheck.stop();
    await services.payments.close();
  },
  // Platform-wide reference data: the standard fields and their groups (idempotent, on every start).
  seed: (em) => seedStandardFields(em),
});

export type CollectionsRuntime = RunningSubgraph<CollectionsConfig, CollectionsContext['services'], CollectionsContext>;
export type CollectionsDeps = SubgraphDeps;
