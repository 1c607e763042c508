import type { EntityManager } from '@mikro-orm/core';
import { raw, type SqlEntityManager } from '@mikro-orm/sql';
import { centsToDecimal, Decimal, parseId } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { Agency } from '../../org/entities/agency.entity';
import { Collector } from '../../org/entities/collector.entity';
import { Team } from '../../org/entities/team.entity';
import { scoped } from '../../org/services/scope';
import { Communication } from '../../work/entities/communication.entity';
import { Ptp } from '../../work/entities/ptp.entity';
import { Repayment } from '../../work/entities/repayment.entity';
import type { ReportColumn, ReportRows } from '../resolvers/report-page';
import { exportScope, pageSize } from './export-access';
import { monthRange, type MonthRange } from './local-days';
import { ReportCellType, type Cell } from './report-cells';

/**
 * The collector performance report (CCO admin § 12.2), one row per collector in the caller's scope, the figures of
 * § 11.4 for one month of the tenant's calendar:
 * - total_cases: the cases the collector holds when the report is made;
 * - contacted_cases: distinct cases they contacted in the month (communication records);
 * - resolved_cases: cases they hold that were settled in the month (`settlement_date`);
 * - contact_rate / resolution_rate: those over total_cases (0 without cases), two decimals;
 * - total_collected_amount: confirmed repayments credited to them in the month;
 * - ptp_kept_rate: kept promises over promises due in the month that were kept, partly kept or broken.
 */
export const PERFORMANCE_COLUMNS: readonly ReportColumn[] = [
  { key: 'collector_id', header: '催员ID', type: ReportCellType.integer },
  { key: 'collector_code', header: '催员编号', type: ReportCellType.text },
  { key: 'collector_name', header: '催员姓名', type: ReportCellType.text },
  { key: 'agency_name', header: '机构', type: ReportCellType.text },
  { key: 'team_name', header: '小组', type: ReportCellType.text },
  { key: 'month', header: '月份', type: ReportCellType.text },
  { key: 'total_cases', header: '案件总数', type: ReportCellType.integer },
  { key: 'contacted_cases', header: '已联系案件数', type: ReportCellType.integer },
  { key: 'resolved_cases', header: '已结清案件数', type: ReportCellType.integer },
  { key: 'contact_rate', header: '联系率', type: ReportCellType.decimal },
  { key: 'resolution_rate', header: '结清率', type: ReportCellType.decimal },
  { key: 'total_collected_amount', header: '回款金额', type: ReportCellType.money },
  { key: 'ptp_kept_rate', header: 'PTP履约率', type: ReportCellType.decimal },
];

const COLLECTOR_COLUMNS = { agencyId: 'agencyId', teamGroupId: 'teamGroupId', teamId: 'teamId', collectorId: 'id' };

type Counts = Map<number, { n: number; m?: number }>;

/** `select collector_id, <aggregates> … where collector_id in (…) group by collector_id`, tenant filter applied. */
async function grouped<T extends object>(
  em: EntityManager,
  entity: new (...args: never[]) => T,
  aggregates: string[],
  where: Record<string, unknown>,
): Promise<Array<Record<string, unknown>>> {
  const qb = (em as SqlEntityManager)
    .createQueryBuilder(entity)
    .select(['collectorId', ...aggregates.map((a) => raw(a))] as never)
    .where(where as never)
    .groupBy('collectorId' as never);
  await qb.applyFilters();
  return await qb.execute('all', true);
}

const byCollector = (rows: Array<Record<string, unknown>>): Counts =>
  new Map(rows.map((r) => [Number(r.collectorId), { n: Number(r.n ?? 0), m: r.m === undefined ? undefined : Number(r.m ?? 0) }]));

/** Every figure of a page of collectors, five grouped statements however many collectors the page holds. */
async function figures(em: EntityManager, ids: number[], month: MonthRange) {
  const collectorId = { $in: ids };
  const [held, contacted, resolved, collected, ptps] = await Promise.all([
    grouped(em, CollectionCase, ['count(*) as n'], { collectorId }),
    grouped(em, Communication, ['count(distinct case_id) as n'], { collectorId, contactTime: { $gte: month.from, $lt: month.to } }),
    grouped(em, CollectionCase, ['count(*) as n'], {
      collectorId,
      caseStatus: 'settled',
      settlementDate: { $gte: month.firstDay, $lt: month.nextFirstDay },
    }),
    grouped(em, Repayment, ['sum(repayment_amount) as n'], { collectorId, confirmed: true, repaymentDate: { $gte: month.from, $lt: month.to } }),
    grouped(em, Ptp, ["sum(case when promise_status = 'kept' then 1 else 0 end) as n", 'count(*) as m'], {
      collectorId,
      promiseStatus: { $in: ['kept', 'partially_kept', 'broken'] },
      promiseDate: { $gte: month.firstDay, $lt: month.nextFirstDay },
    }),
  ]);
  // Sums of BIGINT cents come back as strings on MariaDB: read them exactly.
  const cents = new Map(collected.map((r) => [Number(r.collectorId), centsToDecimal(r.n as string)]));
  return { held: byCollector(held), contacted: byCollector(contacted), resolved: byCollector(resolved), cents, ptps: byCollector(ptps) };
}

const rate = (part: number, whole: number): string => (whole > 0 ? new Decimal(part).div(whole).toFixed(2) : '0.00');

async function nameMaps(em: EntityManager, collectors: Collector[]) {
  const agencyIds = [...new Set(collectors.map((c) => c.agencyId))];
  const teamIds = [...new Set(collectors.map((c) => c.teamId).filter((t): t is number => typeof t === 'number'))];
  const [agencies, teams] = await Promise.all([
    agencyIds.length ? em.find(Agency, { id: { $in: agencyIds } }) : Promise.resolve([]),
    teamIds.length ? em.find(Team, { id: { $in: teamIds } }) : Promise.resolve([]),
  ]);
  return { agencies: new Map(agencies.map((a) => [a.id, a.agencyName])), teams: new Map(teams.map((t) => [t.id, t.teamName])) };
}

export interface PerformanceQuery {
  month: string;
  zone?: string;
  agencyId?: string;
  teamId?: string;
  afterId?: string;
  first?: number;
}

const idOf = (value: string | undefined, field: string): number | undefined => {
  if (value === undefined || value === null) return undefined;
  const id = parseId(value);
  if (id === null) throw CollectionsErrors.invalidId(field);
  return id;
};

/** One keyset page (by collector id) of the report. */
export async function performanceReportPage(ctx: CollectionsContext, q: PerformanceQuery): Promise<ReportRows> {
  const scope = await exportScope(ctx);
  const limit = pageSize(q.first);
  const month = monthRange(q.month, q.zone ?? 'UTC');
  const agencyId = idOf(q.agencyId, 'agencyId');
  const teamId = idOf(q.teamId, 'teamId');
  const after = idOf(q.afterId, 'afterId');
  const where = {
    position: 'collector',
    ...(agencyId !== undefined ? { agencyId } : {}),
    ...(teamId !== undefined ? { teamId } : {}),
    ...(after !== undefined ? { id: { $gt: after } } : {}),
  };
  const collectors = await ctx.em.find(Collector, scoped(where, scope, COLLECTOR_COLUMNS), { orderBy: { id: 'asc' }, limit });
  if (!collectors.length) return { rows: [], lastId: null, hasMore: false };
  const ids = collectors.map((c) => c.id);
  const [f, names] = await Promise.all([figures(ctx.em, ids, month), nameMaps(ctx.em, collectors)]);
  const rows = collectors.map((c): Cell[] => {
    const total = f.held.get(c.id)?.n ?? 0;
    const contacted = f.contacted.get(c.id)?.n ?? 0;
    const resolved = f.resolved.get(c.id)?.n ?? 0;
    const ptp = f.ptps.get(c.id);
    return [
      String(c.id),
      c.collectorCode,
      c.collectorName,
      names.agencies.get(c.agencyId) ?? null,
      c.teamId ? (names.teams.get(c.teamId) ?? null) : null,
      q.month,
      String(total),
      String(contacted),
      String(resolved),
      rate(contacted, total),
      rate(resolved, total),
      (f.cents.get(c.id) ?? new Decimal(0)).toFixed(2),
      rate(ptp?.n ?? 0, ptp?.m ?? 0),
    ];
  });
  return { rows, lastId: String(ids[ids.length - 1]), hasMore: collectors.length === limit };
}
