import type { GraphAccess, SubgraphParts, TokenSigner } from '@platform/kit';
import type { CollectionsConfig } from './config';

/**
 * What collections' resolvers reach beyond the request: the graph through the router (creating a collector creates
 * its identity account as the caller). Modules add their services here.
 */
export interface CollectionsServices {
  config: CollectionsConfig;
  graph?: GraphAccess;
  /** Signs the caller's own claims for a call through the graph made on their behalf. */
  signer: TokenSigner;
}

export const collectionsServices = ({ config, graph, signer }: SubgraphParts<CollectionsConfig>): CollectionsServices => ({
  config,
  graph,
  signer,
});
