import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { MikroORM, EntityManager } from '@mikro-orm/core';
import { authenticate, type Caller, type RevocationList, type TokenSigner } from './auth';
import { Loaders, type RequestContext } from './context';
import { timeQueries } from './db/db-timer';

export type Headers = Record<string, string | string[] | undefined>;

export type HealthStatus = 'healthy' | 'unhealthy';
export type HealthChecks = Record<string, HealthStatus>;

/**
 * One running subgraph: its schema, how a request becomes a context, health and shutdown.
 * The same object is served over HTTP/WS (separate processes) or called in-process by the router.
 */
export interface SubgraphRuntime<C extends RequestContext = RequestContext> {
  name: string;
  schema: GraphQLSchema;
  sdl: string;
  createContext(headers: Headers): Promise<C>;
  health(): Promise<HealthChecks>;
  close(): Promise<void>;
}

export interface ContextDeps {
  signer: TokenSigner;
  revocations: RevocationList;
  /** A fresh EntityManager for the caller, the tenant filter set. */
  forkEm(caller: Caller | null): EntityManager;
}

export const headerValue = (headers: Headers, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Verifies the forwarded token again (no trust in a header an outsider could send) and builds the context. */
export async function createRequestContext(deps: ContextDeps, headers: Headers): Promise<RequestContext> {
  const caller = await authenticate(deps.signer, deps.revocations, headers['authorization']);
  const em = deps.forkEm(caller);
  return {
    requestId: headerValue(headers, 'x-request-id') ?? randomUUID(),
    caller,
    em,
    loaders: new Loaders(),
    dbTimer: timeQueries(em),
  };
}

/** `SELECT 1` through the ORM: the database half of a health check. */
export async function databaseHealth(orm: MikroORM): Promise<HealthStatus> {
  try {
    await orm.em.fork().getConnection().execute('select 1');
    return 'healthy';
  } catch {
    return 'unhealthy';
  }
}
