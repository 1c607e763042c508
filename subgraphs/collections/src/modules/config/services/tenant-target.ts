import { ownTenantId, parseId, type Caller } from '@platform/kit';
import { CollectionsErrors } from '../../../collections.errors';

/**
 * The tenant an admin-console operation is about: the caller's own, or for the platform super admin the one it
 * names (`tenant_id`). Naming another tenant than one's own: a read answers NOT_FOUND, a write FORBIDDEN
 * (decisions.md, collections brief). A platform read without a tenant answers null: every tenant.
 */
export function readTenant(ctx: { caller: Caller | null }, requested: string | null | undefined): number | null {
  const own = ownTenantId(ctx);
  if (requested === undefined || requested === null) return own;
  const id = parseId(requested);
  if (id === null) throw CollectionsErrors.invalidId('tenant_id');
  if (own !== null && id !== own) throw CollectionsErrors.notFound('Tenant', requested);
  return id;
}

/** As readTenant, for an operation that needs exactly one tenant: a platform caller must name it. */
export function oneTenant(ctx: { caller: Caller | null }, requested: string | null | undefined): number {
  const id = readTenant(ctx, requested);
  if (id === null) throw CollectionsErrors.noTenant();
  return id;
}

/** The tenant a write changes: another tenant than one's own is FORBIDDEN; a platform caller must name one. */
export function writeTenant(ctx: { caller: Caller | null }, requested: string | null | undefined): number {
  const own = ownTenantId(ctx);
  if (requested === undefined || requested === null) {
    if (own === null) throw CollectionsErrors.noTenant();
    return own;
  }
  const id = parseId(requested);
  if (id === null) throw CollectionsErrors.invalidId('tenant_id');
  if (own !== null && id !== own) throw CollectionsErrors.otherTenant();
  return id;
}
