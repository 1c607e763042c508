import { unauthenticated, type Caller, type SubgraphContext } from '@platform/kit';
import type { LeadsServices } from './services/leads.services';

export type LeadsContext = SubgraphContext<LeadsServices>;

/** The signed-in caller; the shield has refused anonymous callers already. */
export function callerOf(ctx: { caller: Caller | null }): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}
