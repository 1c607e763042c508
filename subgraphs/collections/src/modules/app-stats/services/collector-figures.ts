import { raw, SqlitePlatform } from '@mikro-orm/sql';
import { centsToDecimal, Decimal } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { aggregate, count, countWhere, num, type Row } from '../../dashboards/services/grouped';
import { CONNECTED_RESULTS } from '../../org/services/collector-performance';
import { Communication } from '../../work/entities/communication.entity';
import { Ptp } from '../../work/entities/ptp.entity';
import { Repayment } from '../../work/entities/repayment.entity';
import type { PeriodWindow } from './app-period';

/**
 * Collectors' figures over a period, each kind one grouped statement (`… WHERE collector_id IN (…) GROUP BY
 * collector_id`): the app's own figures ask for one collector, the rankings for a team, an agency or the tenant at the
 * same cost. Nothing is loaded row by row.
 */
export type PerCollector<T> = Map<number, T>;

const byCollector = <T>(rows: Row[], read: (row: Row) => T): PerCollector<T> => new Map(rows.map((row) => [Number(row.collectorId), read(row)]));
const at = (ctx: CollectionsContext, date: Date) => ctx.em.getPlatform().processDateProperty(date);
const mine = (ids: readonly number[]) => ({ collectorId: { $in: [...ids] } });
const connected = `contact_result in (${CONNECTED_RESULTS.map(() => '?').join(', ')})`;

export interface ContactFigures {
  total: number;
  effective: number;
  /** Mean seconds of the calls that recorded a duration; null without any. */
  averageCallSeconds: number | null;
}

export async function contactFigures(ctx: CollectionsContext, ids: readonly number[], window: PeriodWindow): Promise<PerCollector<ContactFigures>> {
  const rows = await aggregate(
    ctx.em,
    Communication,
    ['collectorId', count(), raw(`sum(case when ${connected} then 1 else 0 end) as reached`, CONNECTED_RESULTS), raw('avg(call_duration_seconds) as seconds')],
    { ...mine(ids), contactTime: { $gte: window.range.from, $lt: window.range.to } },
    ['collectorId'],
  );
  return byCollector(rows, (row) => ({
    total: num(row.n),
    effective: num(row.reached),
    averageCallSeconds: row.seconds === null || row.seconds === undefined ? null : Math.round(Number(row.seconds)),
  }));
}

export interface PtpFigures {
  total: number;
  kept: number;
  broken: number;
  pending: number;
}

/** Promises made in the period, by their status now. */
export async function ptpFigures(ctx: CollectionsContext, ids: readonly number[], window: PeriodWindow): Promise<PerCollector<PtpFigures>> {
  const rows = await aggregate(
    ctx.em,
    Ptp,
    ['collectorId', count(), countWhere(`promise_status = 'kept'`, 'kept'), countWhere(`promise_status = 'broken'`, 'broken'), countWhere(`promise_status = 'pending'`, 'pending')],
    { ...mine(ids), createdAt: { $gte: window.range.from, $lt: window.range.to } },
    ['collectorId'],
  );
  return byCollector(rows, (row) => ({ total: num(row.n), kept: num(row.kept), broken: num(row.broken), pending: num(row.pending) }));
}

/** Confirmed repayments credited to the collector in the period. */
export async function collectedFigures(ctx: CollectionsContext, ids: readonly number[], window: PeriodWindow): Promise<PerCollector<Decimal>> {
  const rows = await aggregate(
    ctx.em,
    Repayment,
    ['collectorId', raw('sum(repayment_amount) as cents')],
    { ...mine(ids), confirmed: true, repaymentDate: { $gte: window.range.from, $lt: window.range.to } },
    ['collectorId'],
  );
  return byCollector(rows, (row) => centsToDecimal(row.cents as string | number | null));
}

export interface CaseFigures {
  /** Cases the collector held in the period: assigned before its end, not settled before its start. */
  held: number;
  /** Of those, assigned during the period. */
  assigned: number;
  /** Of those, settled during the period. */
  resolved: number;
  /** What the held cases owe now. */
  outstanding: Decimal;
}

export async function caseFigures(ctx: CollectionsContext, ids: readonly number[], window: PeriodWindow): Promise<PerCollector<CaseFigures>> {
  const rows = await aggregate(
    ctx.em,
    CollectionCase,
    [
      'collectorId',
      count(),
      raw('sum(case when assigned_at >= ? then 1 else 0 end) as fresh', [at(ctx, window.range.from)]),
      raw('sum(case when settlement_date >= ? and settlement_date <= ? then 1 else 0 end) as resolved', [window.startDate, window.endDate]),
      raw('sum(outstanding_amount) as cents'),
    ],
    { ...mine(ids), assignedAt: { $lt: window.range.to }, $or: [{ settlementDate: null }, { settlementDate: { $gte: window.startDate } }] },
    ['collectorId'],
  );
  return byCollector(rows, (row) => ({
    held: num(row.n),
    assigned: num(row.fresh),
    resolved: num(row.resolved),
    outstanding: centsToDecimal(row.cents as string | number | null),
  }));
}

export interface WorkedTime {
  seconds: number;
  /** Local days with at least one communication. */
  days: number;
}

/**
 * Time worked, counted as the span from the first to the last communication of each local day (the platform keeps no
 * clock-in): one statement grouping the collector's communications by local day, one row per day.
 */
export async function workedTime(ctx: CollectionsContext, collectorId: number, window: PeriodWindow): Promise<WorkedTime> {
  const sqlite = ctx.em.getPlatform() instanceof SqlitePlatform;
  const offset = Math.trunc(window.offset);
  const day = sqlite ? `cast((contact_time / 1000 + ${offset * 3600}) / 86400 as integer)` : `date(date_add(contact_time, interval ${offset} hour))`;
  const span = sqlite ? '(max(contact_time) - min(contact_time)) / 1000' : 'timestampdiff(second, min(contact_time), max(contact_time))';
  const rows = await aggregate(
    ctx.em,
    Communication,
    [raw(`${day} as d`), raw(`${span} as s`)],
    { collectorId, contactTime: { $gte: window.range.from, $lt: window.range.to } },
    [raw(day)],
  );
  return { seconds: rows.reduce((sum, row) => sum + num(row.s), 0), days: rows.length };
}

/** Seconds as hours with one decimal (7.5). */
export const hours = (seconds: number) => new Decimal(seconds).div(3600).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber();
