import DataLoader from 'dataloader';
import { type Caller, type DataScope } from '@platform/kit';
import { callerOf, type CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
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
  if (caller.scope === 'platform' || caller.scope === 'tenant') return { level: caller.scope, tenantId, empty: false };
  const profile = tenantId === null ? null : await ctx.em.findOne(Collector, { userId: caller.userId });
  const scope: CollectionsScope = {
    level: caller.scope,
    tenantId,
    agencyId: profile?.agencyId,
    teamGroupId: profile?.teamGroupId ?? undefined,
    teamId: profile?.teamId ?? undefined,
    collectorId: profile?.id,
    empty: false,
  };
  // The profile must hold the place the scope names: an SPV without a group, a leader without a team reach nothing.
  const anchor = { agency: scope.agencyId, team_group: scope.teamGroupId, team: scope.teamId, own: scope.collectorId }[caller.scope];
  return anchor === undefined ? { ...scope, empty: true } : scope;
}

type Level = 'own' | 'team' | 'team_group' | 'agency';
const NARROW_TO_WIDE: readonly Level[] = ['own', 'team', 'team_group', 'agency'];
const KEY: Record<Level, keyof ScopeColumns> = { own: 'collectorId', team: 'teamId', team_group: 'teamGroupId', agency: 'agencyId' };

/**
 * The column and value that bound a row for this scope: the caller's own level if the entity has that column, else
 * the nearest wider one it has (a team leader reads their agency's row, not every agency).
 */
function bound(scope: CollectionsScope, columns: ScopeColumns): { column: string; value: number } | null {
  const level = scope.level as Level;
  for (const l of NARROW_TO_WIDE.slice(NARROW_TO_WIDE.indexOf(level))) {
    const column = columns[KEY[l]];
    const value = scope[KEY[l]];
    if (column && value !== undefined) return { column, value };
  }
  return null;
}

/**
 * MikroORM conditions that keep a query inside the scope (the tenant filter already applies through `ctx.em`).
 * `columns` names the entity's properties (default: a case's).
 */
export function scopeWhere(scope: CollectionsScope, columns: ScopeColumns = CASE_COLUMNS): Record<string, unknown> {
  if (scope.level === 'platform' || scope.level === 'tenant') return {};
  const b = scope.empty ? null : bound(scope, columns);
  return b ? { [b.column]: b.value } : { id: { $in: [] } };
}

/** Whether a row (by its organisation columns' values) is inside the scope. */
export function inScope(
  scope: CollectionsScope,
  row: { agencyId?: number | null; teamGroupId?: number | null; teamId?: number | null; collectorId?: number | null },
  columns: ScopeColumns = CASE_COLUMNS,
): boolean {
  if (scope.level === 'platform' || scope.level === 'tenant') return true;
  const b = scope.empty ? null : bound(scope, columns);
  return !!b && (row as Record<string, unknown>)[b.column] === b.value;
}

/** Admin-console reach: platform, tenant, agency, team group or team; a collector's own scope is refused. */
export const isAdminScope = (scope: CollectionsScope): boolean => scope.level !== 'own';

/** The caller's scope for the admin console: a collector's own scope is refused (CCO: collectors use the app). */
export async function adminScope(ctx: CollectionsContext): Promise<CollectionsScope> {
  const scope = await scopeOf(ctx);
  if (!isAdminScope(scope)) throw CollectionsErrors.adminOnly();
  return scope;
}

/**
 * `where` kept inside the scope: `{ $and: [where, scopeWhere(…)] }`. Use this rather than spreading scopeWhere into a
 * condition, which would silently replace a condition on the same column (`{ id: 5, ...{ id: 3 } }`).
 */
export function scoped<W extends object>(where: W, scope: CollectionsScope, columns?: ScopeColumns): { $and: object[] } {
  return { $and: [where, scopeWhere(scope, columns)] };
}
