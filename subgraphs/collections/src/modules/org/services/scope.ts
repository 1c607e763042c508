import DataLoader from 'dataloader';
import { type Caller, type DataScope } from '@platform/kit';
import { callerOf, type CollectionsContext } from '../../../collections.context';
import { Collector } from '../entities/collector.entity';

/**
 * How far a caller reaches in collections (CCO admin § 权限说明, decisions.md § CCO): the token's data scope narrowed
 * by the caller's own staff profile. SuperAdmin: every tenant; TenantAdmin: their tenant; AgencyAdmin: their agency;
 * SPV: their team group; team leader: their team; collector: their own cases. A narrow-scope caller without a staff
 * profile reaches nothing.
 */
export interface CollectionsScope {
  level: DataScope;
  /** null only in the platform scope (every tenant). */
  tenantId: number | null;
  agencyId?: number;
  teamGroupId?: number;
  teamId?: number;
  /** The caller's own staff profile, if any. */
  collectorId?: number;
  /** A narrow scope with no profile behind it: nothing is in reach. */
  empty: boolean;
}

/** The columns a row names its place in the organisation by; every scoped table has some of them. */
export interface ScopeColumns {
  agencyId?: string;
  teamGroupId?: string;
  teamId?: string;
  collectorId?: string;
}

const CASE_COLUMNS: Required<ScopeColumns> = {
  agencyId: 'agencyId',
  teamGroupId: 'teamGroupId',
  teamId: 'teamId',
  collectorId: 'collectorId',
};

/** The caller's scope, read once per request. */
export function scopeOf(ctx: CollectionsContext): Promise<CollectionsScope> {
  return ctx.loaders
    .get<string, CollectionsScope>('collectionsScope', () => new DataLoader(async (keys) => {
      const scope = await readScope(ctx, callerOf(ctx));
      return keys.map(() => scope);
    }))
    .load('caller');
}

async function readScope(ctx: CollectionsContext, caller: Caller): Promise<CollectionsScope> {
  const tenantId = caller.tenantId === null ? null : Number(caller.tenantId);
  const profile =
    tenantId === null ? null : await ctx.em.findOne(Collector, { userId: caller.userId });
  const base = { level: caller.scope, tenantId, collectorId: profile?.id, empty: false };
  switch (caller.scope) {
    case 'platform':
    case 'tenant':
      return base;
    case 'agency':
      return profile ? { ...base, agencyId: profile.agencyId } : { ...base, empty: true };
    case 'team_group':
      return profile?.teamGroupId ? { ...base, teamGroupId: profile.teamGroupId } : { ...base, empty: true };
    case 'team':
      return profile?.teamId ? { ...base, teamId: profile.teamId } : { ...base, empty: true };
    case 'own':
      return profile ? base : { ...base, empty: true };
  }
}

/**
 * MikroORM conditions that keep a query inside the scope (the tenant filter already applies through `ctx.em`).
 * `columns` names the entity's properties; a scope level whose column the entity lacks matches nothing.
 */
export function scopeWhere(scope: CollectionsScope, columns: ScopeColumns = CASE_COLUMNS): Record<string, unknown> {
  const none = { id: { $in: [] } };
  if (scope.empty) return none;
  const on = (column: string | undefined, value: number | undefined) => (column && value !== undefined ? { [column]: value } : none);
  switch (scope.level) {
    case 'platform':
    case 'tenant':
      return {};
    case 'agency':
      return on(columns.agencyId, scope.agencyId);
    case 'team_group':
      return on(columns.teamGroupId, scope.teamGroupId);
    case 'team':
      return on(columns.teamId, scope.teamId);
    case 'own':
      return on(columns.collectorId, scope.collectorId);
  }
}

/** Whether a row (by its organisation columns' values) is inside the scope. */
export function inScope(
  scope: CollectionsScope,
  row: { agencyId?: number | null; teamGroupId?: number | null; teamId?: number | null; collectorId?: number | null },
): boolean {
  if (scope.empty) return false;
  switch (scope.level) {
    case 'platform':
    case 'tenant':
      return true;
    case 'agency':
      return row.agencyId === scope.agencyId;
    case 'team_group':
      return row.teamGroupId === scope.teamGroupId;
    case 'team':
      return row.teamId === scope.teamId;
    case 'own':
      return row.collectorId === scope.collectorId;
  }
}

/** Admin-console reach: platform, tenant, agency, team group or team; a collector's own scope is refused. */
export const isAdminScope = (scope: CollectionsScope): boolean => scope.level !== 'own';
