import { raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { centsToDecimal } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { Communication } from '../../work/entities/communication.entity';
import { Ptp } from '../../work/entities/ptp.entity';
import { Repayment } from '../../work/entities/repayment.entity';
import type { Collector } from '../entities/collector.entity';
import { orgLoaders } from '../loaders/org.loaders';
import { rate, type CollectorDay, type CollectorPerformance } from '../types/org-stats.types';

/** Contact results that reached someone (the app records 接通; providers report connected/answered). */
export const CONNECTED_RESULTS = ['接通', 'connected', 'answered'];

const sql = (ctx: CollectionsContext) => ctx.em as SqlEntityManager;

/** One aggregate row of a query builder, the tenant filter applied. */
interface AggregateQuery {
  applyFilters(): Promise<unknown>;
  execute(mode: 'all', mapResults: boolean): Promise<unknown>;
}

async function aggregate(qb: AggregateQuery): Promise<Record<string, unknown>> {
  await qb.applyFilters();
  const rows = (await qb.execute('all', true)) as Array<Record<string, unknown>>;
  return rows[0] ?? {};
}

/** A collector's results (CCO admin § 6.4), each figure one aggregate statement. */
export async function performanceOf(ctx: CollectionsContext, collector: Collector): Promise<CollectorPerformance> {
  const [totalCases, resolvedCases, collected, contacts] = await Promise.all([
    orgLoaders.caseCountByCollector(ctx).load(collector.id),
    orgLoaders.resolvedCaseCountByCollector(ctx).load(collector.id),
    aggregate(
      sql(ctx).createQueryBuilder(Repayment).select([raw('sum(repayment_amount) as cents')] as never).where({ collectorId: collector.id, confirmed: true }),
    ),
    aggregate(
      sql(ctx)
        .createQueryBuilder(Communication)
        .select([raw('count(*) as n'), raw(`sum(case when contact_result in (${CONNECTED_RESULTS.map(() => '?').join(', ')}) then 1 else 0 end) as reached`, CONNECTED_RESULTS)] as never)
        .where({ collectorId: collector.id }),
    ),
  ]);
  return {
    totalCases,
    resolvedCases,
    resolutionRate: rate(resolvedCases, totalCases),
    totalCollectedAmount: centsToDecimal(collected.cents as string | number | null),
    contactRate: rate(Number(contacts.reached ?? 0), Number(contacts.n ?? 0)),
  };
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The last `days` days (today included) in the agency's zone (`utcOffsetHours`), newest first: communications and
 * PTPs per day and the confirmed repayments credited that day, each one statement of per-day conditional sums (no rows
 * loaded, same SQL on both dialects).
 */
export async function recentDaysOf(ctx: CollectionsContext, collector: Collector, days: number, utcOffsetHours: number, now = new Date()): Promise<CollectorDay[]> {
  const offset = utcOffsetHours * 3600 * 1000;
  const localMidnight = Math.floor((now.getTime() + offset) / DAY_MS) * DAY_MS;
  const windows = Array.from({ length: days }, (_, i) => {
    const start = localMidnight - i * DAY_MS;
    return { date: new Date(start).toISOString().slice(0, 10), from: new Date(start - offset), to: new Date(start - offset + DAY_MS) };
  });
  const platform = ctx.em.getPlatform();
  const perDay = (column: string, value = '1') =>
    windows.map((w, i) =>
      raw(`sum(case when ${column} >= ? and ${column} < ? then ${value} else 0 end) as d${i}`, [platform.processDateProperty(w.from), platform.processDateProperty(w.to)]),
    );
  const since = windows[windows.length - 1].from;
  const [contacts, ptps, repaid] = await Promise.all([
    aggregate(sql(ctx).createQueryBuilder(Communication).select(perDay('contact_time') as never).where({ collectorId: collector.id, contactTime: { $gte: since } })),
    aggregate(sql(ctx).createQueryBuilder(Ptp).select(perDay('created_at') as never).where({ collectorId: collector.id, createdAt: { $gte: since } })),
    aggregate(
      sql(ctx)
        .createQueryBuilder(Repayment)
        .select(perDay('repayment_date', 'repayment_amount') as never)
        .where({ collectorId: collector.id, confirmed: true, repaymentDate: { $gte: since } }),
    ),
  ]);
  return windows.map((w, i) => ({
    date: w.date,
    contactCount: Number(contacts[`d${i}`] ?? 0),
    ptpCount: Number(ptps[`d${i}`] ?? 0),
    collectedAmount: centsToDecimal(repaid[`d${i}`] as string | number | null),
  }));
}
