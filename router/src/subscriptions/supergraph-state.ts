import { Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type QueryPlannerConfig } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import { ClaimScopedFetches } from './claim-scoped-fetches';

/** What the subscription bridge needs from one supergraph version; rebuilt on every gateway schema update. */
export interface SupergraphState {
  /** The API schema clients validate against (as the gateway serves it). */
  apiSchema: GraphQLSchema;
  /** The same, in the form the planner and `executeQueryPlan` read. */
  apiFederationSchema: Schema;
  supergraphSchema: GraphQLSchema;
  planner: QueryPlanner;
  /** Which entity fetches select only fields their subgraph declared claim-scoped (shared across subscribers). */
  claimScoped: ClaimScopedFetches;
}

/** Plans must carry parsed fetch documents: local subgraphs then execute them without parsing again. */
export const QUERY_PLANNER_CONFIG: QueryPlannerConfig = { exposeDocumentNodeInFetchNode: true };

export function supergraphState(apiSchema: GraphQLSchema, coreSupergraphSdl: string): SupergraphState {
  // The gateway validated this very SDL a moment ago.
  const supergraph = Supergraph.build(coreSupergraphSdl, { validateSupergraph: false });
  const supergraphSchema = supergraph.schema.toGraphQLJSSchema();
  return {
    apiSchema,
    apiFederationSchema: supergraph.apiSchema(),
    supergraphSchema,
    planner: new QueryPlanner(supergraph, QUERY_PLANNER_CONFIG),
    claimScoped: new ClaimScopedFetches(coreSupergraphSdl, supergraphSchema),
  };
}
