import { can, forbidden, hasPermission, hasRole, isPlatformAdmin, unauthenticated, type Caller, type IRule } from '@platform/kit';
import { rule } from 'graphql-shield';

/**
 * Who works cases — reads their history, records contacts, promises and repayments — inside their data scope: holders
 * of cases:view (team leaders up) and collectors, who hold no admin-console permission (their scope is `own`).
 */
export const worksCases: IRule = rule('collections:worksCases', { cache: 'contextual' })((_p, _a, ctx: { caller: Caller | null }) => {
  if (!ctx.caller) return unauthenticated();
  const allowed = hasPermission(ctx.caller, 'cases:view') || isPlatformAdmin(ctx.caller) || hasRole(ctx.caller, 'collector');
  return allowed ? true : forbidden('Requires cases:view or the collector role');
});

/** Who reviews communications (质检): holders of cases:update, admins included. */
export const reviewsCases: IRule = can('cases:update');
