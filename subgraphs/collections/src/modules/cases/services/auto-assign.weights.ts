import type { SqlEntityManager } from '@mikro-orm/sql';
import { raw } from '@mikro-orm/core';
import { DateTime, FixedOffsetZone } from 'luxon';
import { Repayment } from '../../work/entities/repayment.entity';

/**
 * The previous calendar month, [start, end), in a zone of `offsetHours` from UTC. Collections keeps no tenant zone
 * (identity does); the team's agency carries the tenant's UTC offset (`Agency.timezone`, the documents' timezone),
 * so "last month" is counted on the clock the team works by.
 */
export function previousMonth(offsetHours: number, now = new Date()): { start: Date; end: Date } {
  const zone = FixedOffsetZone.instance(offsetHours * 60);
  const thisMonth = DateTime.fromJSDate(now).setZone(zone).startOf('month');
  return { start: thisMonth.minus({ months: 1 }).toJSDate(), end: thisMonth.toJSDate() };
}

/** Cents each collector collected in the window: one `SUM(repayment_amount) … GROUP BY collector_id` over BIGINT cents. */
export async function collectedCents(
  em: SqlEntityManager,
  tenantId: number,
  collectorIds: readonly number[],
  window: { start: Date; end: Date },
): Promise<Map<number, bigint>> {
  if (collectorIds.length === 0) return new Map();
  const rows = (await em
    .createQueryBuilder(Repayment)
    .select(['collectorId', raw('sum(repayment_amount) as cents')] as never)
    .where({ tenantId, collectorId: { $in: [...collectorIds] }, repaymentDate: { $gte: window.start, $lt: window.end } })
    .groupBy('collectorId')
    .execute('all', true)) as unknown as Array<{ collectorId: number; cents: string | number | bigint | null }>;
  return new Map(rows.map((r) => [Number(r.collectorId), BigInt(String(r.cents ?? 0))]));
}
