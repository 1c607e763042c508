import { unauthenticated, type Caller, type Logger, type RequestContext } from '@platform/kit';
import type { PubSub } from 'type-graphql';

/** The kit's request context plus the PubSub that live notices travel on. */
export interface ActivityContext extends RequestContext {
  pubSub: PubSub;
  logger: Logger;
}

/** The signed-in caller; the shield has usually refused anonymous callers already. */
export function callerOf(ctx: { caller: Caller | null }): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}
