import { raw } from '@mikro-orm/sql';
import { centsToDecimal, pageWindow, toPage, type Paged, type PageWindow } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { Collector } from '../../org/entities/collector.entity';
import { scoped } from '../../org/services/scope';
import { Communication } from '../../work/entities/communication.entity';
import { Ptp } from '../../work/entities/ptp.entity';
import { Repayment } from '../../work/entities/repayment.entity';
import type { CollectorPerformance } from '../resolvers/performance.types';
import { adminScope } from '../../org/services/scope';
import { aggregate, count, countWhere, num, type Row } from './grouped';
import { localToday, monthRange, parseMonth, zoneOffsetHours } from './local-day';
import { rate } from './rates';

export interface PerformanceFilter {
  month?: string | null;
  collectorId?: number;
  agencyId?: number;
  teamId?: number;
}

const byCollector = (rows: Row[]) => new Map(rows.map((row) => [Number(row.collectorId), row]));

/**
 * Collectors' figures for a local month: one row per collector (position `collector`) in the caller's scope, paged by
 * id; with `collectorId`, that collector's row (another scope's collector is not found). Each figure is one grouped
 * statement over the page's collectors, so a page costs the same few queries whatever its size.
 */
export async function collectorPerformance(ctx: CollectionsContext, filter: PerformanceFilter, window: PageWindow): Promise<Paged<CollectorPerformance>> {
  const scope = await adminScope(ctx);
  const offset = await zoneOffsetHours(ctx, scope, filter.agencyId);
  const month = filter.month ?? localToday(offset).slice(0, 7);
  const range = monthRange(month, offset);
  const { y, m } = parseMonth(month, 'month');
  const firstDay = `${month}-01`;
  const nextFirstDay = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);

  const where = Object.fromEntries(
    Object.entries({ id: filter.collectorId, agencyId: filter.agencyId, teamId: filter.teamId }).filter(([, v]) => v !== undefined),
  );
  const [collectors, total] = await ctx.em.findAndCount(
    Collector,
    scoped({ ...where, position: 'collector' }, scope, { agencyId: 'agencyId', teamGroupId: 'teamGroupId', teamId: 'teamId', collectorId: 'id' }),
    { fields: ['collectorName'], orderBy: { id: 'asc' }, ...pageWindow(window) },
  );
  if (filter.collectorId !== undefined && total === 0) throw CollectionsErrors.notFound('Collector', filter.collectorId);
  const ids = collectors.map((c) => c.id);
  if (ids.length === 0) return toPage([], total, window);

  const mine = { collectorId: { $in: ids } };
  const [cases, contacted, repaid, ptps] = await Promise.all([
    aggregate(
      ctx.em,
      CollectionCase,
      ['collectorId', count(), countWhere(`settlement_date >= '${firstDay}' and settlement_date < '${nextFirstDay}'`, 'resolved')],
      { ...mine, assignedAt: { $lt: range.to }, $or: [{ settlementDate: null }, { settlementDate: { $gte: firstDay } }] },
      ['collectorId'],
    ),
    aggregate(ctx.em, Communication, ['collectorId', raw('count(distinct case_id) as n')], { ...mine, contactTime: { $gte: range.from, $lt: range.to } }, ['collectorId']),
    aggregate(ctx.em, Repayment, ['collectorId', raw('sum(repayment_amount) as cents')], { ...mine, confirmed: true, repaymentDate: { $gte: range.from, $lt: range.to } }, ['collectorId']),
    aggregate(
      ctx.em,
      Ptp,
      ['collectorId', countWhere(`promise_status = 'kept'`, 'kept'), countWhere(`promise_status in ('kept', 'partially_kept', 'broken')`, 'decided')],
      { ...mine, promiseDate: { $gte: firstDay, $lt: nextFirstDay } },
      ['collectorId'],
    ),
  ]);
  const [casesOf, contactedOf, repaidOf, ptpsOf] = [cases, contacted, repaid, ptps].map(byCollector);
  const items = collectors.map((c): CollectorPerformance => {
    const held = num(casesOf.get(c.id)?.n);
    const reached = num(contactedOf.get(c.id)?.n);
    const resolved = num(casesOf.get(c.id)?.resolved);
    return {
      collectorId: String(c.id),
      collectorName: c.collectorName,
      month,
      totalCases: held,
      contactedCases: reached,
      resolvedCases: resolved,
      contactRate: rate(reached, held),
      resolutionRate: rate(resolved, held),
      totalCollectedAmount: centsToDecimal(repaidOf.get(c.id)?.cents as string | undefined),
      ptpKeptRate: rate(num(ptpsOf.get(c.id)?.kept), num(ptpsOf.get(c.id)?.decided)),
    };
  });
  return toPage(items, total, window);
}
