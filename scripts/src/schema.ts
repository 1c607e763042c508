import { composeSupergraph, createPubSub, readRegistry, serviceUrlOf, type SubgraphSdl } from '@platform/kit';
import { loadSubgraph } from './registered-subgraphs';

/** Every registered subgraph's SDL as its code builds it now (no database needed), at its production address. */
export async function currentSubgraphs(): Promise<SubgraphSdl[]> {
  const pubSub = createPubSub({});
  try {
    const sdls: SubgraphSdl[] = [];
    for (const entry of readRegistry()) {
      const { sdl } = await loadSubgraph(entry).buildSchema({ pubSub });
      sdls.push({ name: entry.name, sdl, url: serviceUrlOf(entry) });
    }
    return sdls;
  } finally {
    await pubSub.close();
  }
}

export interface SchemaFiles {
  /** file name under schema/ → content */
  [file: string]: string;
}

/** The files `schema/` must hold: one SDL per subgraph and the composed supergraph. */
export async function schemaFiles(): Promise<SchemaFiles> {
  const subgraphs = await currentSubgraphs();
  const files: SchemaFiles = {};
  for (const s of subgraphs) files[`${s.name}.graphql`] = `${s.sdl.trim()}\n`;
  files['supergraph.graphql'] = `${composeSupergraph(subgraphs).trim()}\n`;
  return files;
}
