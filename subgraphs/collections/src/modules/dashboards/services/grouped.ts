import { raw, SqlitePlatform, type EntityManager as SqlEntityManager, type RawQueryFragment } from '@mikro-orm/sql';
import type { EntityManager } from '@mikro-orm/core';
import type { CollectionsContext } from '../../../collections.context';
import { Team } from '../../org/entities/team.entity';
import { scopeWhere, type CollectionsScope } from '../../org/services/scope';

export type Row = Record<string, unknown>;
type Column = string | RawQueryFragment;

/**
 * One aggregate statement (`SELECT … WHERE … GROUP BY …`) with the entity's filters (tenant) applied; nothing is
 * hydrated. `select` and `groupBy` name properties or raw SQL (column names).
 */
export async function aggregate(
  em: EntityManager,
  entity: new (...args: never[]) => object,
  select: Column[],
  where: object,
  groupBy: Column[] = [],
): Promise<Row[]> {
  const qb = (em as SqlEntityManager).createQueryBuilder(entity).select(select as never).where(where as never);
  if (groupBy.length) qb.groupBy(groupBy as never);
  await qb.applyFilters();
  return await qb.execute('all', true);
}

export const count = (alias = 'n') => raw(`count(*) as ${alias}`);
/** Rows whose `condition` (SQL on the row's columns, no user input) holds. */
export const countWhere = (condition: string, alias: string) => raw(`sum(case when ${condition} then 1 else 0 end) as ${alias}`);
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/**
 * The local hour (0–23) of a time column at UTC+offset, in the database's own arithmetic: libSQL stores times as
 * epoch milliseconds, MySQL/MariaDB as UTC DATETIME (the ORM's timezone is +00:00). `offsetHours` is a whole number.
 */
export function localHourSql(em: EntityManager, column: string, offsetHours: number): string {
  const offset = Math.trunc(offsetHours);
  return em.getPlatform() instanceof SqlitePlatform
    ? `((${column} / 1000 + ${offset * 3600}) % 86400) / 3600`
    : `hour(date_add(${column}, interval ${offset} hour))`;
}

/** The organisation columns communications, PTPs, repayments and inspections carry (no team group). */
export const WORK_COLUMNS = { agencyId: 'agencyId', teamId: 'teamId', collectorId: 'collectorId' };

/**
 * The scope condition for work rows. They carry no team group, so an SPV's reach is their group's teams (one small
 * read), not the whole agency that `scopeWhere`'s nearest wider column would give.
 */
export async function workScope(ctx: CollectionsContext, scope: CollectionsScope): Promise<object> {
  if (scope.level !== 'team_group' || scope.empty) return scopeWhere(scope, WORK_COLUMNS);
  const teams = await ctx.em.find(Team, { teamGroupId: scope.teamGroupId }, { fields: ['id'] });
  return { teamId: { $in: teams.map((t) => t.id) } };
}

/** The dashboards' filter (agency, team, collector) as conditions on a work row. */
export function byOrg(filter: { agencyId?: number; teamId?: number; collectorId?: number }): object {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
}
