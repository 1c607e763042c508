import type { ExecutionResult } from 'graphql';
import { DB_TIME_HEADER, headerValue, type GraphQLExecutor } from '@platform/kit';

/** Headers the router needs from the original request: the caller, the trace id, the client address, SQL timing. */
const FORWARDED = ['authorization', 'x-request-id', 'x-forwarded-for', DB_TIME_HEADER] as const;

/**
 * The router as a {@link GraphQLExecutor} over HTTP, for a REST adapter running as its own process.
 * `routerUrl` is the router's GraphQL endpoint, e.g. `http://router:4000/graphql`.
 */
export function httpExecutor(routerUrl: string, opts: { timeoutMs?: number } = {}): GraphQLExecutor {
  return {
    async execute({ query, variables, operationName, headers }) {
      const outgoing: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      for (const name of FORWARDED) {
        const value = headerValue(headers, name);
        if (value) outgoing[name] = value;
      }
      try {
        const response = await fetch(routerUrl, {
          method: 'POST',
          headers: outgoing,
          body: JSON.stringify({ query, variables, operationName }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
        });
        // Error statuses (400, 401) still carry a GraphQL body with coded errors.
        return (await response.json()) as ExecutionResult;
      } catch {
        return unavailable();
      }
    },
  };
}

const unavailable = (): ExecutionResult =>
  ({ errors: [{ message: 'The GraphQL router is unavailable', extensions: { code: 'UNAVAILABLE' } }] }) as never;
