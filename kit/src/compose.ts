import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSdl {
  name: string;
  sdl: string;
  /**
   * Recorded in the supergraph's `join__graph(url:)`. Routers built with `createRouter` take each subgraph's
   * address from their own options, so this is documentation only; it defaults to `http://<name>/graphql`.
   */
  url?: string;
}

/** Composition refused the subgraphs; `messages` holds every composition error, one per line in `message`. */
export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(`Supergraph composition failed:\n  - ${messages.join('\n  - ')}`);
    this.name = 'CompositionError';
  }
}

/** Composes subgraph SDLs (as served by `_service { sdl }`) into a supergraph SDL; throws on any composition error. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url ?? `http://${s.name}/graphql`, typeDefs: parse(s.sdl) })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  return result.supergraphSdl;
}
