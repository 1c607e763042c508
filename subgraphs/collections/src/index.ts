import 'reflect-metadata';

export { collectionsConfigSchema, loadCollectionsConfig, type CollectionsConfig } from './config';
export type { CollectionsContext } from './collections.context';
export { CollectionsErrors } from './collections.errors';
export {
  collections,
  collections as subgraph,
  type CollectionsDeps,
  type CollectionsRuntime,
} from './collections.subgraph';
export * from './entities';
export { listen } from './main';
export { STAFF_ACCOUNT_DOCUMENTS } from './modules/org/services/staff-accounts';
