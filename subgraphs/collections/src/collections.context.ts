import { unauthenticated, type Caller, type SubgraphContext } from '@platform/kit';
import type { CollectionsServices } from './collections.services';

export interface CollectionsContext extends SubgraphContext<CollectionsServices> {
  /** The client's address as the router resolved it (kit clientAddressOf): partner pushes are checked against the tenant's IP whitelist. */
  clientAddress?: string | null;
}

/** The signed-in caller; the shield has refused anonymous callers already. */
export function callerOf(ctx: { caller: Caller | null }): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}
