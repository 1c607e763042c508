import { raw } from '@mikro-orm/sql';
import { centsToDecimal } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { Collector } from '../../org/entities/collector.entity';
import { adminScope } from '../../org/services/scope';
import { Communication, CONTACT_METHODS } from '../../work/entities/communication.entity';
import { Ptp, PTP_STATUSES } from '../../work/entities/ptp.entity';
import { QualityInspection } from '../../work/entities/quality-inspection.entity';
import type { CommunicationStats, KeyCount, PtpStats, QualityInspectionStats } from '../resolvers/dashboard.types';
import { aggregate, byOrg, count, countWhere, localHourSql, num, workScope, type Row } from './grouped';
import { dayRange, localToday, zoneOffsetHours, type TimeRange } from './local-day';

export interface DailyFilter {
  date?: string | null;
  agencyId?: number;
  teamId?: number;
  collectorId?: number;
}

/** The day asked for, its UTC range and the condition keeping rows in the caller's scope and the filter. */
interface Day {
  date: string;
  offset: number;
  range: TimeRange;
  where: (timeColumn: string) => object;
}

async function dayOf(ctx: CollectionsContext, filter: DailyFilter): Promise<Day> {
  const scope = await adminScope(ctx);
  const offset = await zoneOffsetHours(ctx, scope, filter.agencyId);
  const date = filter.date ?? localToday(offset);
  const range = dayRange(date, offset);
  const inScope = await workScope(ctx, scope);
  const org = byOrg({ agencyId: filter.agencyId, teamId: filter.teamId, collectorId: filter.collectorId });
  return { date, offset, range, where: (column) => ({ $and: [org, inScope, { [column]: { $gte: range.from, $lt: range.to } }] }) };
}

/** `[{key, count}]` from grouped rows, with `known` keys present (zero) in that order, others after them. */
function keyCounts(rows: Row[], key: string, known: readonly string[] = []): KeyCount[] {
  const counts = new Map<string, number>(known.map((k) => [k, 0]));
  for (const row of rows) counts.set(String(row[key]), num(row.n));
  return [...counts].map(([k, n]) => ({ key: k, count: n }));
}

export async function communicationStats(ctx: CollectionsContext, filter: DailyFilter): Promise<CommunicationStats> {
  const day = await dayOf(ctx, filter);
  const where = day.where('contactTime');
  const hour = localHourSql(ctx.em, 'contact_time', day.offset);
  const [byMethod, byResult, byHour] = await Promise.all([
    aggregate(ctx.em, Communication, ['contactMethod', count()], where, ['contactMethod']),
    aggregate(ctx.em, Communication, ['contactResult', count()], where, ['contactResult']),
    aggregate(ctx.em, Communication, [raw(`${hour} as h`), count()], where, [raw(hour)]),
  ]);
  return {
    date: day.date,
    utcOffsetHours: day.offset,
    total: byMethod.reduce((sum, row) => sum + num(row.n), 0),
    byMethod: keyCounts(byMethod, 'contactMethod', CONTACT_METHODS),
    byResult: keyCounts(byResult, 'contactResult').sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    byHour: byHour.map((row) => ({ hour: num(row.h), count: num(row.n) })).sort((a, b) => a.hour - b.hour),
  };
}

export async function ptpStats(ctx: CollectionsContext, filter: DailyFilter): Promise<PtpStats> {
  const day = await dayOf(ctx, filter);
  const where = day.where('createdAt');
  const [byStatus, byCollector] = await Promise.all([
    aggregate(ctx.em, Ptp, ['promiseStatus', count(), raw('sum(promise_amount) as cents')], where, ['promiseStatus']),
    aggregate(ctx.em, Ptp, ['collectorId', count(), countWhere(`promise_status = 'kept'`, 'kept')], where, ['collectorId']),
  ]);
  const ids = byCollector.map((row) => row.collectorId).filter((id) => id !== null).map(Number);
  const names = new Map(
    (await ctx.em.find(Collector, { id: { $in: ids } }, { fields: ['collectorName'] })).map((c) => [c.id, c.collectorName]),
  );
  return {
    date: day.date,
    utcOffsetHours: day.offset,
    total: byStatus.reduce((sum, row) => sum + num(row.n), 0),
    totalPromiseAmount: byStatus.reduce((sum, row) => sum.plus(centsToDecimal(row.cents as string)), centsToDecimal(0)),
    byStatus: keyCounts(byStatus, 'promiseStatus', PTP_STATUSES),
    byCollector: byCollector
      .filter((row) => row.collectorId !== null)
      .map((row) => ({
        collectorId: String(row.collectorId),
        collectorName: names.get(Number(row.collectorId)) ?? '',
        ptpCount: num(row.n),
        keptCount: num(row.kept),
      }))
      .sort((a, b) => b.ptpCount - a.ptpCount || Number(a.collectorId) - Number(b.collectorId)),
  };
}

/** The document's results, best first (a score's band: 优秀 ≥ 90, 良好 ≥ 75, 一般 ≥ 60, 较差 below). */
const INSPECTION_RESULTS = ['优秀', '良好', '一般', '较差'];

export async function qualityInspectionStats(ctx: CollectionsContext, filter: DailyFilter): Promise<QualityInspectionStats> {
  const day = await dayOf(ctx, filter);
  const where = day.where('createdAt');
  const [totals, byResult] = await Promise.all([
    aggregate(ctx.em, QualityInspection, [count(), raw('round(avg(score), 2) as average')], where),
    aggregate(ctx.em, QualityInspection, ['result', count()], where, ['result']),
  ]);
  const total = num(totals[0]?.n);
  return {
    date: day.date,
    total,
    averageScore: total === 0 ? null : Number(totals[0].average),
    byResult: keyCounts(byResult, 'result', INSPECTION_RESULTS),
  };
}
