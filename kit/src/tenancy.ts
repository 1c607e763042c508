import { isPlatformAdmin, type Caller } from './auth';
import { badInput, notFound } from './errors';
import { parseId } from './db/ids';

interface Scoped {
  caller: Caller | null;
}

/** The caller's tenant as a number; null for the platform scope (the super admin sees every tenant). */
export function ownTenantId(ctx: Scoped): number | null {
  if (!ctx.caller || isPlatformAdmin(ctx.caller)) return null;
  return Number(ctx.caller.tenantId);
}

/**
 * Which tenant a new row belongs to: the caller's own; a platform caller must name one (`field`), which `exists`
 * confirms (identity owns tenants; other subgraphs trust the id the router's callers carry).
 * Naming another tenant than one's own answers NOT_FOUND, as every cross-tenant read does.
 */
export async function targetTenantId(
  ctx: Scoped,
  requested: string | null | undefined,
  field: string,
  exists: (tenantId: number) => Promise<boolean> = () => Promise.resolve(true),
): Promise<number> {
  const own = ownTenantId(ctx);
  if (requested === undefined || requested === null) {
    if (own !== null) return own;
    throw badInput(field, `${field} is required for platform callers`);
  }
  const id = parseId(requested);
  if (id === null || (own !== null && id !== own)) throw notFound('Tenant', requested);
  if (own === null && !(await exists(id))) throw notFound('Tenant', requested);
  return id;
}

/** Tenant-level admin operations (tenant, API credentials): the platform or that tenant's own admins. */
export function assertTenantReachable(ctx: Scoped, tenantId: number | null, raw: string): void {
  const own = ownTenantId(ctx);
  if (tenantId === null || (own !== null && own !== tenantId)) throw notFound('Tenant', raw);
}
