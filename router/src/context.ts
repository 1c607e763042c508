import {
  authenticate,
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
  /** The client address chain, the router's own peer appended (subgraphs rate-limit logins by it). */
  'x-forwarded-for'?: string;
}

/** Context of one router operation; data sources read `headers` to call subgraphs as the caller. */
export interface RouterContext {
  caller: Caller | null;
  headers: ForwardedHeaders;
}

/** `peer`: the address this request came from, when it came over the network. */
export type ContextBuilder = (headers: Headers, peer?: string) => Promise<RouterContext>;

/**
 * Verifies the token once at the edge so a bad one costs no subgraph call. Anonymous requests pass
 * (each subgraph's shield decides); an invalid, expired or revoked token is a 401 UNAUTHENTICATED.
 */
export function contextBuilder(signer: TokenSigner, revocations: RevocationList): ContextBuilder {
  return async (headers, peer) => {
    const authorization = headerValue(headers, 'authorization');
    let caller: Caller | null;
    try {
      caller = await authenticate(signer, revocations, authorization);
    } catch (error) {
      throw error instanceof DomainError ? withHttpStatus(error, 401) : error;
    }
    return {
      caller,
      headers: {
        authorization,
        'x-request-id': requestIdFrom(headerValue(headers, 'x-request-id')),
        'x-forwarded-for': forwardedFor(headerValue(headers, 'x-forwarded-for'), peer),
      },
    };
  };
}

/** Appends the peer to the chain, as every proxy does; which hops to trust is the reader's decision. */
function forwardedFor(chain: string | undefined, peer: string | undefined): string | undefined {
  if (!peer) return chain;
  return chain ? `${chain}, ${peer}` : peer;
}
