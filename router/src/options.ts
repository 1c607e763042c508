import type { Logger, RevocationList, SubgraphRuntime, TokenSigner } from '@platform/kit';
import type { Limits } from './limits/limits';
import type { TrustedDocumentsOptions } from './trusted-documents/trusted-documents';

/** A subgraph served by another process: HTTP for queries and mutations, graphql-ws on the same URL. */
export interface RemoteSubgraph {
  kind: 'remote';
  url: string;
}

/** A subgraph running in this process (embedded mode): called without any network hop. */
export interface LocalSubgraph {
  kind: 'local';
  runtime: SubgraphRuntime;
}

export type UpstreamSubgraph = RemoteSubgraph | LocalSubgraph;

export interface RouterOptions {
  /** The composed supergraph (schema/supergraph.graphql); production boots from the committed one. */
  supergraphSdl: string;
  /** Every subgraph the supergraph names, by its composition name. */
  subgraphs: Record<string, UpstreamSubgraph>;
  signer: TokenSigner;
  revocations: RevocationList;
  /** Hides introspection, stack traces and internal error messages. */
  production: boolean;
  logger: Logger;
  limits?: Partial<Limits>;
  /** How often open subscription sockets are verified again, beside revocation notices (default 30 s). */
  subscriptionRecheckMs?: number;
  /**
   * How long a subscription event's entity fetches wait for the same fetches of its other subscribers before going
   * out as one request per group (default 2 ms): longer shares more under load, and delays every event that much.
   */
  subscriptionBatchWindowMs?: number;
  /** `TRUSTED_PROXIES` (kit edge-config.ts): whose X-Forwarded-For / -Proto are believed. Default: nobody's. */
  trustedProxies?: readonly string[];
  /** `CORS_ORIGINS`; undefined: none in production, pages on this machine in development (kit http-security.ts). */
  corsOrigins?: readonly string[];
  /** `TRUSTED_DOCUMENTS`: the allow-list of operations; off when undefined. */
  trustedDocuments?: TrustedDocumentsOptions;
}
