// Composition lives in the kit (the schema script uses it too); re-exported for tests.
export { composeSupergraph, CompositionError, type SubgraphSdl } from '@platform/kit';
