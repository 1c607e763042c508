import { packageOf, readRegistry, type RegistryEntry, type Subgraph } from '@platform/kit';

/** Any subgraph, whatever its configuration, services and context. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an existential type: the parameters are read and written (invariant), so no single type covers every subgraph
export type AnySubgraph = Subgraph<any, any, any>;

/** The subgraph a registry line names: its package's `subgraph` export (defineSubgraph's result). */
export function loadSubgraph(entry: RegistryEntry): AnySubgraph {
  const name = packageOf(entry);
  // Resolved at run time, so adding a subgraph is its folder and a registry line, not an import here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the registry names the package
  const mod = require(name) as { subgraph?: AnySubgraph };
  if (!mod.subgraph || mod.subgraph.name !== entry.name) {
    throw new Error(`${name} must export \`subgraph\`, the defineSubgraph of '${entry.name}'`);
  }
  return mod.subgraph;
}

/** Every registered subgraph, in the registry's order. */
export const registeredSubgraphs = (): AnySubgraph[] => readRegistry().map(loadSubgraph);
