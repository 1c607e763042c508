import { parseId, type Caller } from '@platform/kit';
import { callerOf } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';

/**
 * The tenant an admin import writes to: a platform administrator names it (required); a tenant's administrator
 * imports into their own, and naming another tenant is refused (403, decisions.md: admin writes on another tenant).
 */
export function importTenant(ctx: { caller: Caller | null }, requested: string | null | undefined): number {
  const caller = callerOf(ctx);
  const own = caller.scope === 'platform' ? null : Number(caller.tenantId);
  if (requested === null || requested === undefined || requested === '') {
    if (own === null) throw CollectionsErrors.noTenant();
    return own;
  }
  const id = parseId(requested);
  if (id === null) throw CollectionsErrors.invalidId('tenant_id');
  if (own !== null && id !== own) throw CollectionsErrors.otherTenant();
  return id;
}
