import type { Dictionary } from '@mikro-orm/core';
import { TENANT_FILTER } from '@platform/kit';

/**
 * The kit's default-on tenant filter, declared on an entity that cannot extend `TenantScopedEntity`
 * (notifications have integer ids, the kit's base entity UUIDs). Same semantics: fail closed without a scope,
 * `null` is the platform scope.
 */
export const tenantFilter = {
  name: TENANT_FILTER,
  default: true,
  cond: ({ tenantId }: Dictionary) => {
    if (tenantId === undefined) throw new Error(`Filter '${TENANT_FILTER}' needs { tenantId } (null = platform scope)`);
    return tenantId === null ? {} : { tenantId };
  },
};
