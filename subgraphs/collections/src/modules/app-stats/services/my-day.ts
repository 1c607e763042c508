import { raw } from '@mikro-orm/sql';
import { Decimal } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { aggregate, count, localHourSql, num } from '../../dashboards/services/grouped';
import { localToday } from '../../dashboards/services/local-day';
import { rate } from '../../dashboards/services/rates';
import type { Collector } from '../../org/entities/collector.entity';
import { Communication } from '../../work/entities/communication.entity';
import type { MyDailyStats, MyDayFigures } from '../resolvers/app-stats.types';
import { dayWindow, type PeriodWindow } from './app-period';
import { appClock } from './app-clock';
import { caseFigures, collectedFigures, contactFigures, hours, ptpFigures, workedTime } from './collector-figures';

/** A collector's figures of one local day: five statements, whatever the day held. */
export async function dayFigures(ctx: CollectionsContext, me: Collector, window: PeriodWindow): Promise<MyDayFigures> {
  const ids = [me.id];
  const [contacts, ptps, collected, cases, worked] = await Promise.all([
    contactFigures(ctx, ids, window),
    ptpFigures(ctx, ids, window),
    collectedFigures(ctx, ids, window),
    caseFigures(ctx, ids, window),
    workedTime(ctx, me.id, window),
  ]);
  const contact = contacts.get(me.id);
  return {
    date: window.startDate,
    contactCount: contact?.total ?? 0,
    effectiveContactCount: contact?.effective ?? 0,
    contactRate: rate(contact?.effective ?? 0, contact?.total ?? 0),
    ptpCount: ptps.get(me.id)?.total ?? 0,
    collectedAmount: collected.get(me.id) ?? new Decimal(0),
    resolvedCases: cases.get(me.id)?.resolved ?? 0,
    workingHours: hours(worked.seconds),
  };
}

/** The daily report (CCO app § 8.2): a day's figures (default today) and its communications per local hour. */
export async function myDailyStats(ctx: CollectionsContext, date: string | null | undefined): Promise<MyDailyStats> {
  const { me, offset } = await appClock(ctx);
  const window = dayWindow(date ?? localToday(offset), offset);
  const hour = localHourSql(ctx.em, 'contact_time', offset);
  const [figures, byHour] = await Promise.all([
    dayFigures(ctx, me, window),
    aggregate(ctx.em, Communication, [raw(`${hour} as h`), count()], { collectorId: me.id, contactTime: { $gte: window.range.from, $lt: window.range.to } }, [raw(hour)]),
  ]);
  return {
    ...figures,
    hourlyDistribution: byHour.map((row) => ({ hour: num(row.h), count: num(row.n) })).sort((a, b) => a.hour - b.hour),
  };
}
