import type DataLoader from 'dataloader';
import { parseId } from './db/ids';
import type { Caller } from './auth';

/**
 * An entity's `__resolveReference` through a per-request loader: batched per request and read within the caller's
 * tenant like every other read, so another tenant's row (or a malformed id) resolves to null.
 */
export function loaderReference<Scope, T>(loader: (scope: Scope) => DataLoader<number, T | null>) {
  return {
    __resolveReference: (ref: { id: string }, ctx: Scope & { caller: Caller | null }) => {
      const id = parseId(ref.id);
      // Anonymous requests have no tenant scope to read in.
      if (!ctx.caller || id === null) return null;
      return loader(ctx).load(id);
    },
  };
}
