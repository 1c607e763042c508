import type { ApolloServerPlugin } from '@apollo/server';

/**
 * The extension a subgraph answers the access token under when its operation signed someone in (a login, a
 * refresh). The router then runs the rest of the client's operation as that session, so one operation can sign in
 * and read the account across subgraphs (the collector app's login answers the collector's collections profile).
 * The client receives the token in the data anyway; the router keeps subgraph extensions to itself.
 */
export const SIGNED_IN_EXTENSION = 'signedInToken';

/** Set on the request context by the resolver that issued the token (RequestContext.signedIn). */
export interface SignedInContext {
  signedIn?: string;
}

/** Answers the context's `signedIn` token as `extensions.signedInToken` (a subgraph served over HTTP). */
export function signedInPlugin<Context extends SignedInContext>(): ApolloServerPlugin<Context> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single' && contextValue.signedIn) {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, [SIGNED_IN_EXTENSION]: contextValue.signedIn };
          }
          return Promise.resolve();
        },
      }),
  };
}
