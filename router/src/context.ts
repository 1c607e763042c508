import {
  authenticate,
  DB_TIME_HEADER,
  DbTimer,
  DomainError,
  headerValue,
  requestIdFrom,
  withHttpStatus,
  type Caller,
  type Headers,
  type RevocationList,
  type TokenSigner,
} from '@platform/kit';

/** The headers a subgraph receives from the router: the caller's own token (verified again there) and a trace id. */
export interface ForwardedHeaders {
  authorization?: string;
  'x-request-id': string;
  /**
   * The client's address as the router resolved it (one address: the peer, or what a trusted proxy vouched for),
   * which subgraphs record and rate-limit by. Whatever the client sent in the header is not passed on.
   */
  'x-forwarded-for'?: string;
}

/** Context of one router operation; data sources read `headers` to call subgraphs as the caller. */
export interface RouterContext {
  caller: Caller | null;
  headers: ForwardedHeaders;
  /**
   * The subgraphs' SQL time for this operation, added up from their `extensions.dbTimeMs`; only when the client
   * asked for it (`x-db-time`, the REST adapter), and then answered as `extensions.dbTimeMs`.
   */
  dbTimer?: DbTimer;
}

/**
 * `clientAddress`: resolved from the socket and the trusted proxies (kit clientAddress) for a request that came
 * over the network. Without one the caller is this process (the embedded REST adapter), whose X-Forwarded-For
 * is its own resolution of its client and is believed.
 */
export type ContextBuilder = (headers: Headers, clientAddress?: string) => Promise<RouterContext>;

/**
 * Verifies the token once at the edge so a bad one costs no subgraph call. Anonymous requests pass
 * (each subgraph's shield decides); an invalid, expired or revoked token is a 401 UNAUTHENTICATED.
 */
export function contextBuilder(signer: TokenSigner, revocations: RevocationList): ContextBuilder {
  return async (headers, clientAddress) => {
    const authorization = headerValue(headers, 'authorization');
    let caller: Caller | null;
    try {
      caller = await authenticate(signer, revocations, authorization);
    } catch (error) {
      throw error instanceof DomainError ? withHttpStatus(error, 401) : error;
    }
    return {
      caller,
      ...(headerValue(headers, DB_TIME_HEADER) ? { dbTimer: new DbTimer() } : {}),
      headers: {
        authorization,
        'x-request-id': requestIdFrom(headerValue(headers, 'x-request-id')),
        'x-forwarded-for': clientAddress ?? headerValue(headers, 'x-forwarded-for'),
      },
    };
  };
}
