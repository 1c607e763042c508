import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/core';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { Loaders, type RequestContext } from './context';
import { TENANT_FILTER, type TenantFilterParams } from './db';

type AfterCommit = () => unknown;

/** The EntityManager of the mutation under way, for the EntityManagers a service forks on its own. */
const mutationEm = new AsyncLocalStorage<EntityManager>();

/**
 * An EntityManager over every tenant (`null`) or one, inside the mutation's transaction when one is under way, so
 * what a service writes through it (a login's session) commits or rolls back with the rest; else a fork of `em`.
 */
export function forkInMutation(em: EntityManager, tenantId: string | number | null): EntityManager {
  const store = mutationEm.getStore();
  // Work a commit sets off (the outbox relay, a bus consumer) inherits this async context: it only joins a
  // transaction that is still open, and on its own database.
  const current = store && store.getMetadata() === em.getMetadata() && store.isInTransaction() ? store : undefined;
  const fork = current ? current.fork({ keepTransactionContext: true, clear: true }) : em.fork();
  fork.setFilterParams(TENANT_FILTER, { tenantId } satisfies TenantFilterParams);
  return fork;
}

/**
 * The driver's handle of the transaction of the mutation under way (the outermost one, never a savepoint), for
 * code that sees only a savepoint's handle: what the savepoint wrote commits when this one does.
 */
export function mutationTransaction(): object | undefined {
  const em = mutationEm.getStore();
  return em?.isInTransaction() ? em.getTransactionContext<object>() : undefined;
}

/** Contexts currently inside a mutation's transaction, with what waits for its commit. */
const pendingCommits = new WeakMap<object, AfterCommit[]>();

/**
 * Runs `fn` once the mutation under way commits (at once outside one), so what others see first — a live notice,
 * a cache eviction — never announces a change that was rolled back. A failing `fn` does not undo the commit.
 */
export async function afterCommit(ctx: object, fn: AfterCommit): Promise<void> {
  const pending = pendingCommits.get(ctx);
  if (pending) pending.push(fn);
  else await fn();
}

/**
 * One business action, one commit: every Mutation field runs inside one `em.transactional()`, its outbox rows
 * with it. While it runs, the request's `em` is the transactional one (and its loaders are fresh, so nothing read
 * outside leaks in); a thrown error rolls back everything the mutation wrote and every event it recorded.
 */
export function runMutationsInTransactions(schema: GraphQLSchema, ownTransactions: readonly string[] = []): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    if (ownTransactions.includes(field.name)) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, ctx: RequestContext, info) =>
      inTransaction(ctx, () => resolve(source, args, ctx, info));
  }
  return schema;
}

async function inTransaction<T>(ctx: RequestContext, fn: () => T): Promise<Awaited<T>> {
  const { em: outer, loaders: outerLoaders } = ctx;
  // A runtime without a database (a test double) has nothing to commit.
  if (!outer) return await fn();
  const committed: AfterCommit[] = [];
  let result: Awaited<T>;
  try {
    result = await outer.transactional(async (em) => {
      ctx.em = em;
      ctx.loaders = new Loaders();
      pendingCommits.set(ctx, committed);
      return await mutationEm.run(em, async () => await fn());
    });
  } finally {
    pendingCommits.delete(ctx);
    // A mutation may pick the request's tenant (a sign-up acting in its new tenant): the fields read after it need it.
    outer.setFilterParams(TENANT_FILTER, ctx.em.getFilterParams(TENANT_FILTER));
    ctx.em = outer;
    ctx.loaders = outerLoaders;
  }
  for (const run of committed) await run();
  return result;
}
