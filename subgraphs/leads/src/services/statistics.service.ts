import type { SqlEntityManager } from '@mikro-orm/sql';
import { executeSql } from '@platform/kit';
import { DateTime } from 'luxon';
import { callerOf, type LeadsContext } from '../leads.context';
import { INTENTION_LEVELS } from '../entities/intention-level';
import type { LeadsOverview } from '../resolvers/statistics.types';
import { seesWholeTenant, visibleLeadsSql } from './lead-visibility';
import { tenantZone } from './tenant-zone';

const TREND_DAYS = 15;
const rank = (level: string) => {
  const i = (INTENTION_LEVELS as readonly string[]).indexOf(level);
  return i < 0 ? INTENTION_LEVELS.length : i;
};

/**
 * 002 § 5.1 over the leads the caller may see, in four statements whatever the number of leads:
 * 1. the all-time figures (total, by level, by platform) from the lead tally (a few rows per level, platform,
 *    follower and registrant, kept by the lead mutations: services/lead-tally.ts), not from the leads;
 * 2. the windows (today, this week, this month, the 15-day trend): the quarter-hour arrivals since the earliest
 *    window (entities/lead-arrival.entity.ts) for whoever sees the whole tenant, the caller's own leads otherwise;
 * 3. the leads ended today: a range of the (tenant, end_followup, updated_at) index;
 * 4. the follow-ups recorded this week and today: a range of the follow-ups' (tenant, created_at, lead_id) index.
 * Day, week (Monday–Sunday) and month boundaries are computed here in the tenant's zone and compared in SQL, so
 * the counts are exact in any zone on MariaDB and SQLite alike (no time-zone tables needed in the database).
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
  const visibleIn = (alias: string) => {
    const visible = visibleLeadsSql(caller, alias);
    return { sql: `${alias}.tenant_id = ? and ${visible.sql}`, params: [tenantId, ...visible.params] };
  };
  const leads = visibleIn('l');
  const between = (column: string) => `sum(case when ${column} >= ? and ${column} < ? then 1 else 0 end)`;

  // 1. Level × platform from the tally: at most a few dozen rows; both distributions and the total come from it.
  const tally = visibleIn('t');
  const tallySql =
    `select t.intention_level as level, t.source_platform as platform, sum(t.leads) as n from lead_tally t ` +
    `where ${tally.sql} group by t.intention_level, t.source_platform`;

  // 2. Recent additions and the 15-day trend: conditional sums since the earliest window. Whoever sees the whole
  //    tenant reads the quarter-hour arrivals (≤ 96 rows a day); anyone else counts their own leads through the
  //    (tenant, follower | registrant, created_at) indexes.
  const windows: Array<[DateTime, DateTime]> = [[today, tomorrow], [week, tomorrow], [month, tomorrow], ...days.map((d): [DateTime, DateTime] => [d, d.plus({ days: 1 })])];
  const earliest = DateTime.min(week, month, trendStart);
  const wholeTenant = seesWholeTenant(caller);
  const windowParams = windows.flatMap(([from, to]) => [date(from), date(to)]);
  const [totalsSql, totalsParams] = wholeTenant
    ? [
        `select ${windows.map((_, i) => `sum(case when a.slot >= ? and a.slot < ? then a.leads else 0 end) as w${i}`).join(', ')} ` +
          `from lead_arrival a where a.tenant_id = ? and a.slot >= ?`,
        [...windowParams, tenantId, date(earliest)],
      ]
    : [
        `select ${windows.map((_, i) => `${between('l.created_at')} as w${i}`).join(', ')} ` +
          `from customer_lead l where ${leads.sql} and l.created_at >= ?`,
        [...windowParams, ...leads.params, date(earliest)],
      ];

  // 3. Ended today: ending writes updated_at, so today's ended leads are a range of that index.
  const endedSql = `select count(*) as n from customer_lead l where ${leads.sql} and l.end_followup = ? and l.updated_at >= ? and l.updated_at < ?`;
  const endedParams = [...leads.params, 1, date(today), date(tomorrow)];

  // 4. Follow-ups of visible leads made this week and today (by record creation, as 002 counts them), from the
  //    (tenant, created_at, lead_id) index; the leads are joined only to narrow them to the caller's.
  const followSql =
    `select count(distinct case when f.created_at >= ? and f.created_at < ? then f.lead_id end) as week_leads, ` +
    `${between('f.created_at')} as week_records, ` +
    `count(distinct case when f.created_at >= ? and f.created_at < ? then f.lead_id end) as today_leads, ` +
    `${between('f.created_at')} as today_records ` +
    `from follow_up_record f ${wholeTenant ? '' : 'join customer_lead l on l.id = f.lead_id '}` +
    `where f.tenant_id = ? and f.created_at >= ?${wholeTenant ? '' : ` and ${leads.sql}`}`;
  const followParams = [
    date(week), date(tomorrow), date(week), date(tomorrow),
    date(today), date(tomorrow), date(today), date(tomorrow),
    tenantId, date(week), ...(wholeTenant ? [] : leads.params),
  ];

  const [grid, [totals], [ended], [follow]] = await Promise.all([
    run(tallySql, tally.params),
    run(totalsSql, totalsParams),
    run(endedSql, endedParams),
    run(followSql, followParams),
  ]);
  const n = (value: unknown) => Number(value ?? 0);
  const byLevel = new Map<string, number>();
  const byPlatform = new Map<string, number>();
  for (const row of grid) {
    const count = n(row.n);
    if (count === 0) continue; // a tally row whose leads were all moved or deleted
    const platform = typeof row.platform === 'string' && row.platform !== '' ? row.platform : '其他';
    byLevel.set(String(row.level), (byLevel.get(String(row.level)) ?? 0) + count);
    byPlatform.set(platform, (byPlatform.get(platform) ?? 0) + count);
  }
  const entries = (counts: Map<string, number>) => [...counts].map(([label, count]) => ({ label, count }));
  return {
    totalLeads: [...byLevel.values()].reduce((sum, count) => sum + count, 0),
    // In 002's own order (高, 中, 低), then by size: the same on every database, whatever its collation.
    intentionDistribution: entries(byLevel).sort((a, b) => rank(a.label) - rank(b.label)),
    platformDistribution: entries(byPlatform).sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
    recentAdditions: { today: n(totals.w0), thisWeek: n(totals.w1), thisMonth: n(totals.w2) },
    last15DaysTrend: days.map((d, i) => ({ date: d.toFormat('yyyy-MM-dd'), count: n(totals[`w${i + 3}`]) })),
    followup: { thisWeekLeadCount: n(follow.week_leads), thisWeekRecordCount: n(follow.week_records) },
    todayStats: { followedLeads: n(follow.today_leads), followupRecords: n(follow.today_records), endedLeads: n(ended.n) },
    timeZone: zone,
  };
}
