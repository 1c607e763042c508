import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';

/**
 * The SQL time of one request: every statement its EntityManager (and the transactions and forks made from it)
 * runs adds its duration here, through the ORM's query logger. Subgraphs answer it as `extensions.dbTimeMs`; the
 * router adds up its subgraphs' and answers the sum the same way (002 reports it as `performance.dbTime`).
 * A class, not a plain object: MikroORM copies plain logger contexts into forks, but shares instances.
 */
export class DbTimer {
  ms = 0;

  add(ms: number): void {
    this.ms += ms;
  }
}

/** The key of a request's timer in its EntityManager's logger context. */
export const DB_TIMER = 'dbTimer';

/** Attaches a fresh timer to a request's EntityManager (a test double without a database keeps it at 0). */
export function timeQueries(em: EntityManager | undefined): DbTimer {
  const timer = new DbTimer();
  if (typeof em?.setLoggerContext === 'function') em.setLoggerContext({ ...em.getLoggerContext(), [DB_TIMER]: timer });
  return timer;
}

/** What the query logger does with a statement's log context: the request's timer counts its duration. */
export function recordQueryTime(context: Record<string, unknown>): void {
  const timer = context[DB_TIMER];
  if (timer instanceof DbTimer && typeof context.took === 'number') timer.add(context.took);
}

/** The extension key a subgraph and the router report SQL time under. */
export const DB_TIME_EXTENSION = 'dbTimeMs';

/**
 * The request header that asks for it (`x-db-time: 1`): the REST adapter sends it, the router passes it on to
 * the subgraphs; other clients' answers stay as they were.
 */
export const DB_TIME_HEADER = 'x-db-time';

/**
 * Adds `extensions.dbTimeMs` (the request's SQL time) to a single result, when asked: by the header (a subgraph
 * over HTTP) or by the context holding a timer only then (`requested`, the router).
 */
export function dbTimePlugin<Context extends { dbTimer?: DbTimer }>(
  requested: (ctx: Context, header: string | undefined) => boolean = (_ctx, header) => header !== undefined,
): ApolloServerPlugin<Context> {
  return {
    requestDidStart: ({ request }) =>
      Promise.resolve({
        willSendResponse({ response, contextValue }) {
          const header = request.http?.headers.get(DB_TIME_HEADER) ?? undefined;
          if (response.body.kind === 'single' && contextValue.dbTimer && requested(contextValue, header)) {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, [DB_TIME_EXTENSION]: contextValue.dbTimer.ms };
          }
          return Promise.resolve();
        },
      }),
  };
}

/**
 * Raw SQL through a request's EntityManager (its transaction, its logger context): `em.execute` alone leaves the
 * EntityManager's logger context out, so the statement would go untimed (and uncounted as the request's).
 */
export function executeSql<T = Array<Record<string, unknown>>>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T> {
  return (em as SqlEntityManager).execute(sql, [...params], 'all', em.getLoggerContext()) as Promise<T>;
}
