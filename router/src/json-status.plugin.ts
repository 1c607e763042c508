import type { ApolloServerPlugin } from '@apollo/server';

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/**
 * GraphQL over HTTP: a client that accepts only `application/json` cannot tell a request error from a broken server
 * by status, so for it every well-formed request answers 200, its parse, validation, variable-coercion and limit
 * errors in `errors`. Clients accepting `application/graphql-response+json` (or anything) keep the 4xx. Refusals
 * before GraphQL (CSRF prevention, malformed JSON) and other statuses (401, 405) are left alone.
 */
export const jsonStatusPlugin = (): ApolloServerPlugin => ({
  // Apollo's hooks return promises; nothing here waits, so each resolves at once.
  requestDidStart({ request }) {
    const accept = request.http?.headers.get('accept');
    if (!accept || !acceptsOnlyJson(accept)) return Promise.resolve();
    return Promise.resolve({
      willSendResponse({ response }) {
        if (response.http.status === 400 && response.body.kind === 'single') response.http.status = 200;
        return Promise.resolve();
      },
    });
  },
});

/** `application/json` is accepted and the GraphQL response type is not, neither by name nor by a wildcard. */
function acceptsOnlyJson(accept: string): boolean {
  const types = accept
    .split(',')
    .map((part) => part.split(';'))
    .filter(([, ...params]) => !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p)))
    .map(([type]) => type.trim().toLowerCase());
  const graphqlResponse = types.some((t) => t === GRAPHQL_RESPONSE_JSON || t === 'application/*' || t === '*/*');
  return types.includes('application/json') && !graphqlResponse;
}
