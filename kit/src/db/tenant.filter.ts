import type { Dictionary, EntityManager, FilterDef } from '@mikro-orm/core';

export const TENANT_FILTER = 'tenant';

export interface TenantFilterParams {
  /**
   * The caller's tenant: identity's integer id, or the string of digits a JWT carries.
   * `null` is the platform scope: every tenant's rows.
   */
  tenantId: string | number | null;
}

function tenantCondition({ tenantId }: Dictionary): Dictionary {
  // Fail closed: forgetting to pick a scope must not read across tenants.
  if (tenantId === undefined) throw new Error(`Filter '${TENANT_FILTER}' needs { tenantId } (null = platform scope)`);
  if (tenantId === null) return {};
  const id = Number(tenantId);
  // A scope that names no tenant must not become `tenant_id = NaN` (or match by string coercion).
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`Filter '${TENANT_FILTER}': '${tenantId}' is not a tenant id`);
  return { tenantId: id };
}

/** The default-on tenant filter; the one definition every tenant-scoped entity carries (see TenantScopedEntity). */
export const tenantFilter: FilterDef = { name: TENANT_FILTER, default: true, cond: tenantCondition };

/** A fresh EntityManager scoped to one tenant, or to all of them (`null`, platform scope). */
export function forkForTenant<EM extends EntityManager>(em: EM, tenantId: string | number | null): EM {
  const fork = em.fork();
  fork.setFilterParams(TENANT_FILTER, { tenantId } satisfies TenantFilterParams);
  return fork;
}
