import type { SqlEntityManager } from '@mikro-orm/sql';
import { executeSql } from '@platform/kit';
import { DateTime } from 'luxon';
import { callerOf, type LeadsContext } from '../leads.context';
import { INTENTION_LEVELS } from '../entities/intention-level';
import type { LeadsOverview } from '../resolvers/statistics.types';
import { visibleLeadsSql } from './lead-visibility';
import { tenantZone } from './tenant-zone';

const TREND_DAYS = 15;
const rank = (level: string) => {
  const i = (INTENTION_LEVELS as readonly string[]).indexOf(level);
  return i < 0 ? INTENTION_LEVELS.length : i;
};

/**
 * 002 § 5.1 over the leads the caller may see, in four grouped statements whatever the number of leads: day,
 * week (Monday–Sunday) and month boundaries are computed here in the tenant's zone and compared in SQL, so the
 * counts are exact in any zone on MariaDB and SQLite alike (no time-zone tables needed in the database).
 */
export async function leadsOverview(ctx: LeadsContext): Promise<LeadsOverview> {
  const caller = callerOf(ctx);
  const tenantId = Number(caller.tenantId);
  const zone = await tenantZone(ctx);
  const now = DateTime.fromJSDate(ctx.services.clock.now(), { zone });
  const today = now.startOf('day');
  const tomorrow = today.plus({ days: 1 });
  const week = now.startOf('week'); // luxon's weeks are ISO weeks: Monday first
  const month = now.startOf('month');
  const trendStart = today.minus({ days: TREND_DAYS - 1 });
  const days = Array.from({ length: TREND_DAYS }, (_, i) => trendStart.plus({ days: i }));

  const em = ctx.em as SqlEntityManager;
  const date = (d: DateTime) => em.getPlatform().processDateProperty(d.toJSDate()) as unknown;
  const run = (sql: string, params: unknown[]) => executeSql(em, sql, params);
  const visible = visibleLeadsSql(caller, 'l');
  const scope = `l.tenant_id = ? and ${visible.sql}`;
  const scopeParams = [tenantId, ...visible.params];
  const between = (column: string) => `sum(case when ${column} >= ? and ${column} < ? then 1 else 0 end)`;

  // 1. Recent additions and the 15-day trend: one pass of conditional sums over the rows since the earliest window
  //    (the (tenant, created_at) index bounds it), not over every lead.
  const windows: Array<[DateTime, DateTime]> = [[today, tomorrow], [week, tomorrow], [month, tomorrow], ...days.map((d): [DateTime, DateTime] => [d, d.plus({ days: 1 })])];
  const earliest = DateTime.min(week, month, trendStart);
  const totalsSql =
    `select ${windows.map((_, i) => `${between('l.created_at')} as w${i}`).join(', ')} ` +
    `from customer_lead l where ${scope} and l.created_at >= ?`;
  const totalsParams = [...windows.flatMap(([from, to]) => [date(from), date(to)]), ...scopeParams, date(earliest)];

  // 2. By intention level, with the leads ended today (the total is the levels' sum); 3. by source platform.
  const intentionSql =
    `select l.intention_level as label, count(*) as n, ` +
    `sum(case when l.end_followup = ? and l.updated_at >= ? and l.updated_at < ? then 1 else 0 end) as ended ` +
    `from customer_lead l where ${scope} group by l.intention_level`;
  const intentionParams = [1, date(today), date(tomorrow), ...scopeParams];
  const platformSql = `select l.source_platform as label, count(*) as n from customer_lead l where ${scope} group by l.source_platform`;

  // 4. Follow-ups of visible leads made this week and today (by record creation, as 002 counts them).
  const followSql =
    `select count(distinct case when f.created_at >= ? and f.created_at < ? then f.lead_id end) as week_leads, ` +
    `${between('f.created_at')} as week_records, ` +
    `count(distinct case when f.created_at >= ? and f.created_at < ? then f.lead_id end) as today_leads, ` +
    `${between('f.created_at')} as today_records ` +
    `from follow_up_record f join customer_lead l on l.id = f.lead_id where f.tenant_id = ? and f.created_at >= ? and ${scope}`;
  const followParams = [
    date(week), date(tomorrow), date(week), date(tomorrow),
    date(today), date(tomorrow), date(today), date(tomorrow),
    tenantId, date(week), ...scopeParams,
  ];

  const [[totals], intention, platform, [follow]] = await Promise.all([
    run(totalsSql, totalsParams),
    run(intentionSql, intentionParams),
    run(platformSql, scopeParams),
    run(followSql, followParams),
  ]);
  const n = (value: unknown) => Number(value ?? 0);
  return {
    totalLeads: intention.reduce((sum, r) => sum + n(r.n), 0),
    // In 002's own order (高, 中, 低), then by size: the same on every database, whatever its collation.
    intentionDistribution: intention
      .map((r) => ({ label: String(r.label), count: n(r.n) }))
      .sort((a, b) => rank(a.label) - rank(b.label)),
    platformDistribution: platform
      .map((r) => ({ label: typeof r.label === 'string' && r.label !== '' ? r.label : '其他', count: n(r.n) }))
      .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
    recentAdditions: { today: n(totals.w0), thisWeek: n(totals.w1), thisMonth: n(totals.w2) },
    last15DaysTrend: days.map((d, i) => ({ date: d.toFormat('yyyy-MM-dd'), count: n(totals[`w${i + 3}`]) })),
    followup: { thisWeekLeadCount: n(follow.week_leads), thisWeekRecordCount: n(follow.week_records) },
    todayStats: { followedLeads: n(follow.today_leads), followupRecords: n(follow.today_records), endedLeads: intention.reduce((sum, r) => sum + n(r.ended), 0) },
    timeZone: zone,
  };
}
