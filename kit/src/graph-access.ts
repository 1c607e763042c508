import { AsyncLocalStorage } from 'node:async_hooks';
import type { GraphQLExecutor } from './executor';

/**
 * How a subgraph's background work (export tasks) reaches the whole graph through the router, as a user: the
 * in-process router in the embedded mode (set once it exists, after the subgraphs started), the router's URL when
 * the subgraph is its own process.
 */
export interface GraphAccess {
  /** Resolves once the router is there. */
  executor(): Promise<GraphQLExecutor>;
}

/**
 * The async context of no request, captured when the kit loads. The in-process router runs the called subgraph's
 * resolvers in the caller's async context, where the ORM's and the kit's transaction contexts live: a mutation of
 * the called subgraph would join the calling request's open transaction and deadlock on it.
 */
const outsideAnyRequest = AsyncLocalStorage.snapshot();

/** The executor, its operations run outside the calling request's async context (an in-process graph must). */
export const outsideRequests = (executor: GraphQLExecutor): GraphQLExecutor => ({
  execute: (request) => outsideAnyRequest(() => executor.execute(request)),
});

/**
 * A GraphAccess the launcher completes with `set` once its router is built. Its operations run outside the calling
 * request's async context (see outsideAnyRequest), like a call over HTTP.
 */
export class DeferredGraphAccess implements GraphAccess {
  private resolve!: (executor: GraphQLExecutor) => void;
  private readonly ready = new Promise<GraphQLExecutor>((resolve) => {
    this.resolve = resolve;
  });

  set(executor: GraphQLExecutor): void {
    this.resolve(outsideRequests(executor));
  }

  executor(): Promise<GraphQLExecutor> {
    return this.ready;
  }
}

/** The router over HTTP: only `authorization` is sent, the operation runs as the token's user. */
export function httpGraphAccess(routerUrl: string, timeoutMs = 60_000): GraphAccess {
  const executor: GraphQLExecutor = {
    async execute({ query, variables, operationName, headers }) {
      const authorization = headers.authorization;
      const response = await fetch(routerUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(typeof authorization === 'string' ? { authorization } : {}),
        },
        body: JSON.stringify({ query, variables, operationName }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return (await response.json()) as Awaited<ReturnType<GraphQLExecutor['execute']>>;
    },
  };
  return { executor: () => Promise.resolve(executor) };
}
