import { unauthenticated, type Caller, type SubgraphContext } from '@platform/kit';
import type { CollectionsServices } from './collections.services';

export type CollectionsContext = SubgraphContext<CollectionsServices>;

/** The signed-in caller; the shield has refused anonymous callers already. */
export function callerOf(ctx: { caller: Caller | null }): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}
