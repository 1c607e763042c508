import { unauthenticated, type Caller, type SubgraphContext } from '@platform/kit';

/** Activity's runtime services: the reminder and announcement jobs, stopped when the runtime closes. */
export interface ActivityServices {
  reminders: { stop(this: void): void; runOnce(this: void, now?: Date): Promise<number> };
  announcements: { stop(this: void): void; runOnce(this: void, now?: Date): Promise<number> };
}

/** The kit's subgraph context: live notices travel on its PubSub. */
export type ActivityContext = SubgraphContext<ActivityServices>;

/** The signed-in caller; the shield has usually refused anonymous callers already. */
export function callerOf(ctx: { caller: Caller | null }): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}
