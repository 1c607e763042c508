import { raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import { WorkLog } from '../entities';
import type { WorklogsContext } from '../worklogs.context';

/** An employee's work-log figures (004 employee detail: work_logs_count, avg_self_rating, avg_supervisor_rating). */
export interface EmployeeStats {
  count: number;
  avgSelfRating: number | null;
  avgSupervisorRating: number | null;
}

const NONE: EmployeeStats = { count: 0, avgSelfRating: null, avgSupervisorRating: null };

/** Averages to two decimals, rounded by the database: the figure is the same on every driver. */
const average = (column: string, alias: string) => raw(`round(avg(${column}), 2) as ${alias}`);

const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * The figures of every employee asked for in one tick, in one grouped statement (`GROUP BY employee_id`), the tenant
 * filter applied: a page of employees costs one query, however many there are.
 */
export const employeeStats = (ctx: WorklogsContext) =>
  ctx.loaders.get('employeeStats', () =>
    new DataLoader<string, EmployeeStats>(async (keys) => {
      const qb = (ctx.em as SqlEntityManager)
        .createQueryBuilder(WorkLog)
        .select(['employeeId', raw('count(*) as n'), average('self_rating', 'self'), average('supervisor_rating', 'sup')] as never)
        .where({ employeeId: { $in: [...new Set(keys)] } })
        .groupBy('employeeId');
      await qb.applyFilters();
      const rows = (await qb.execute('all', true)) as unknown as Array<Record<string, unknown>>;
      const byEmployee = new Map(
        rows.map((row) => [
          String(row.employeeId),
          { count: Number(row.n), avgSelfRating: numberOrNull(row.self), avgSupervisorRating: numberOrNull(row.sup) },
        ]),
      );
      return keys.map((k) => byEmployee.get(k) ?? NONE);
    }),
  );
