import { raw } from '@mikro-orm/sql';
import { Decimal } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { OPEN_CASE_STATUSES } from '../../cases/entities/case-status';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { aggregate, count, countWhere, num } from '../../dashboards/services/grouped';
import { dayRange, localToday } from '../../dashboards/services/local-day';
import { Ptp } from '../../work/entities/ptp.entity';
import type { Collector } from '../../org/entities/collector.entity';
import type { MyDashboard, MyMonthFigures, TodoCount } from '../resolvers/app-stats.types';
import { dayWindow, periodWindow } from './app-period';
import { appClock } from './app-clock';
import { caseFigures, collectedFigures, contactFigures, ptpFigures } from './collector-figures';
import { dayFigures } from './my-day';
import { membersOf, ranked, standingOf } from './ranking';
import { recentActivities } from './recent-activities';

/** This month's totals and the team rank by collected amount (the ranking's default). */
async function monthFigures(ctx: CollectionsContext, me: Collector, offset: number, now: Date): Promise<MyMonthFigures> {
  const window = periodWindow('month', offset, {}, now);
  const team = await membersOf(ctx, me, 'team');
  const ids = [me.id];
  const [contacts, ptps, cases, collectedBy] = await Promise.all([
    contactFigures(ctx, ids, window),
    ptpFigures(ctx, ids, window),
    caseFigures(ctx, ids, window),
    collectedFigures(ctx, team.map((m) => m.id), window),
  ]);
  return {
    month: window.startDate.slice(0, 7),
    totalContactCount: contacts.get(me.id)?.total ?? 0,
    totalPtpCount: ptps.get(me.id)?.total ?? 0,
    totalCollectedAmount: collectedBy.get(me.id) ?? new Decimal(0),
    totalResolvedCases: cases.get(me.id)?.resolved ?? 0,
    performanceScore: me.performanceScore ?? null,
    ranking: standingOf(ranked(team, collectedBy), me.id).rank,
  };
}

/**
 * To-dos: promises due today or overdue still pending (follow_up, high); open cases assigned today (new_case) and
 * open cases never contacted (uncontacted), medium. Two statements.
 */
async function todos(ctx: CollectionsContext, me: Collector, offset: number, now: Date): Promise<TodoCount[]> {
  const today = localToday(offset, now);
  const todayStart = ctx.em.getPlatform().processDateProperty(dayRange(today, offset).from);
  const [[cases], [ptps]] = await Promise.all([
    aggregate(
      ctx.em,
      CollectionCase,
      [raw('sum(case when assigned_at >= ? then 1 else 0 end) as fresh', [todayStart]), countWhere('last_contact_at is null', 'never')],
      { collectorId: me.id, caseStatus: { $in: [...OPEN_CASE_STATUSES] } },
    ),
    aggregate(ctx.em, Ptp, [count()], { collectorId: me.id, promiseStatus: 'pending', promiseDate: { $lte: today } }),
  ]);
  return [
    { type: 'follow_up', title: '跟进PTP到期案件', count: num(ptps?.n), priority: 'high' },
    { type: 'new_case', title: '处理新分配案件', count: num(cases?.fresh), priority: 'medium' },
    { type: 'uncontacted', title: '未联系案件', count: num(cases?.never), priority: 'medium' },
  ];
}

/** The app's home page (CCO app § 2.1) on the agency's clock; the same statements whatever the collector's volume. */
export async function myDashboard(ctx: CollectionsContext, now = new Date()): Promise<MyDashboard> {
  const { me, offset } = await appClock(ctx);
  const [today, month, todoList, activities] = await Promise.all([
    dayFigures(ctx, me, dayWindow(localToday(offset, now), offset)),
    monthFigures(ctx, me, offset, now),
    todos(ctx, me, offset, now),
    recentActivities(ctx, me.id),
  ]);
  return { today, month, todoList, recentActivities: activities };
}
