import { unauthenticated, type Caller, type SubgraphContext } from '@platform/kit';

/** The kit's subgraph context: worklogs needs no runtime services of its own. */
export type WorklogsContext = SubgraphContext<Record<string, never>>;

/** The signed-in caller; the shield has usually refused anonymous callers already. */
export function callerOf(ctx: { caller: Caller | null }): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}
