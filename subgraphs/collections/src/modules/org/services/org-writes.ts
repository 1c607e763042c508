import { isPlatformAdmin, notFound, parseId, type DomainError } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { inScope, scopeOf, type ScopeColumns } from './scope';

type OrgRow = { id: number; tenantId: number; agencyId?: number | null; teamGroupId?: number | null; teamId?: number | null };
type EntityClass<E> = new (...args: never[]) => E;

/**
 * The tenant a new row goes to: the caller's own (naming another is 403, decisions.md: admin writes on another
 * tenant); a platform caller names one.
 */
export function writeTenantId(ctx: CollectionsContext, requested: string | null | undefined): number {
  const caller = ctx.caller!;
  const asked = requested === undefined || requested === null ? null : parseId(requested);
  if (requested && asked === null) throw CollectionsErrors.invalidId('tenantId');
  if (isPlatformAdmin(caller)) {
    if (asked === null) throw CollectionsErrors.noTenant();
    return asked;
  }
  const own = Number(caller.tenantId);
  if (asked !== null && asked !== own) throw CollectionsErrors.otherTenant();
  return own;
}

/**
 * A row the caller is about to change, found across tenants so the answer tells the truth: another tenant's → 403;
 * none, or one of the tenant outside the caller's data scope → `missing()` (404 for the object written, a 400
 * naming the field for a foreign id in a body).
 */
export async function reachableRow<E extends OrgRow>(
  ctx: CollectionsContext,
  entity: EntityClass<E>,
  rawId: string | number,
  columns: ScopeColumns,
  missing: () => DomainError,
): Promise<E> {
  const id = typeof rawId === 'number' ? rawId : parseId(rawId);
  const row = id === null ? null : ((await ctx.em.findOne<E>(entity, id as never, { filters: false })) as E | null);
  if (!row) throw missing();
  const caller = ctx.caller!;
  if (!isPlatformAdmin(caller) && row.tenantId !== Number(caller.tenantId)) throw CollectionsErrors.otherTenant();
  const scope = await scopeOf(ctx);
  const values: Record<string, unknown> = { ...row };
  if (!inScope(scope, values, columns)) throw missing();
  return row;
}

/** The object a mutation is about (`agencyId`, `id`…): 404 when out of reach. */
export const targetRow = <E extends OrgRow>(ctx: CollectionsContext, entity: EntityClass<E>, rawId: string, columns: ScopeColumns, what: string) =>
  reachableRow(ctx, entity, rawId, columns, () => notFound(what, rawId));

/** A foreign id a body names (`agency_id`…): 400 naming the field when out of reach. */
export const referencedRow = <E extends OrgRow>(ctx: CollectionsContext, entity: EntityClass<E>, rawId: string, columns: ScopeColumns, field: string) =>
  reachableRow(ctx, entity, rawId, columns, () => CollectionsErrors.unknownReference(field, rawId));

/** Org columns per entity, for scope checks (`inScope`, `scoped`). */
export const AGENCY_COLUMNS: ScopeColumns = { agencyId: 'id' };
export const TEAM_GROUP_COLUMNS: ScopeColumns = { agencyId: 'agencyId', teamGroupId: 'id' };
export const TEAM_COLUMNS: ScopeColumns = { agencyId: 'agencyId', teamGroupId: 'teamGroupId', teamId: 'id' };
export const COLLECTOR_COLUMNS: ScopeColumns = { agencyId: 'agencyId', teamGroupId: 'teamGroupId', teamId: 'teamId', collectorId: 'id' };
