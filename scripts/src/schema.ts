import { composeSupergraph, createPubSub, readRegistry, serviceUrlOf, type SubgraphSdl } from '@platform/kit';
import { PARTNER_DOCUMENTS, STAFF_ACCOUNT_DOCUMENTS } from '@platform/collections';
import { ALL_ROUTES, loadOperation, SOCKET_ROUTES } from '@platform/rest-adapter';
import { buildManifest } from '@platform/router';
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

/**
 * The files `schema/` must hold: one SDL per subgraph, the composed supergraph, and the trusted documents (every
 * operation a REST route or socket runs, so the adapter keeps working when the router enforces the list).
 */
export async function schemaFiles(): Promise<SchemaFiles> {
  const subgraphs = await currentSubgraphs();
  const files: SchemaFiles = {};
  for (const s of subgraphs) files[`${s.name}.graphql`] = `${s.sdl.trim()}\n`;
  files['supergraph.graphql'] = `${composeSupergraph(subgraphs).trim()}\n`;
  files['trusted-documents.json'] = `${JSON.stringify(trustedDocuments(), null, 2)}\n`;
  return files;
}

/** Keyed by `family#operation`, so the file reads the same on every machine. */
function trustedDocuments() {
  const operations = [
    ...ALL_ROUTES.flatMap((route) => (route.kind === 'graphql' ? [{ family: route.family, op: loadOperation(route.operation) }] : [])),
    // Streaming routes (uploads, downloads) run their operations through the same router: they must be allowed too.
    ...ALL_ROUTES.flatMap((route) => (route.kind === 'stream' ? route.operations.map((operation) => ({ family: route.family, op: loadOperation(operation) })) : [])),
    ...SOCKET_ROUTES.map((route) => ({ family: route.family, op: loadOperation(route.operation) })),
  ];
  return buildManifest(
    'rest-adapter/src/families/*/operations (npm run schema)',
    [
      ...operations.map(({ family, op }) => ({ name: `${family.id}#${op.name}`, document: op.document })),
      // Operations a subgraph itself sends through the router, as the caller (collections → identity accounts).
      ...Object.entries({ ...STAFF_ACCOUNT_DOCUMENTS, ...PARTNER_DOCUMENTS }).map(([name, document]) => ({ name: `collections#${name}`, document })),
    ],
  );
}
