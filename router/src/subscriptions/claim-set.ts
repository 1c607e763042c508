import type { RouterContext } from '../context';

/**
 * The claims a group of callers shares, from the token the router verified: tenant, roles, permissions, data scope
 * and the subgraph a token acts through. Not the user, username or session. Order-insensitive lists, so two tokens
 * granting the same roles and permissions are one claim set. Undefined when the context holds no verified caller
 * for the token it forwards: such a fetch is never shared.
 */
export function claimSetKey(context: Partial<RouterContext>): string | undefined {
  const { caller, headers } = context;
  if (!caller || !headers?.authorization) return undefined;
  const sorted = (values: readonly string[]) => [...new Set(values)].sort();
  return JSON.stringify([caller.tenantId, sorted(caller.roles), sorted(caller.permissions), caller.scope, caller.actingThrough ?? null]);
}
