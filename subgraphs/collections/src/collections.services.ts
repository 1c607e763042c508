import type { GraphAccess, SubgraphParts } from '@platform/kit';
import type { CollectionsConfig } from './config';

/**
 * What collections' resolvers reach beyond the request: the graph through the router (creating a collector creates
 * its identity account as the caller). Modules add their services here.
 */
export interface CollectionsServices {
  config: CollectionsConfig;
  graph?: GraphAccess;
}

export const collectionsServices = ({ config, graph }: SubgraphParts<CollectionsConfig>): CollectionsServices => ({
  config,
  graph,
});
