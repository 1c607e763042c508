import type { CollectionsContext } from '../../../collections.context';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { OPEN_CASE_STATUSES } from '../../cases/entities/case-status';
import { Collector } from '../../org/entities/collector.entity';
import { scopeWhere, type CollectionsScope } from '../../org/services/scope';
import { Ptp } from '../../work/entities/ptp.entity';
import type { DashboardAlerts, OverCapacityAlerts } from '../resolvers/alerts.types';
import { adminScope } from '../../org/services/scope';
import { aggregate, count, num, workScope } from './grouped';
import { addDays, localToday, zoneOffsetHours } from './local-day';
import { idleThresholdMinutes } from './idle-threshold';

export interface AlertsFilter {
  agencyId?: number;
  notContactedDays: number;
  idleMinutes?: number;
  limit: number;
}

const DAY_MS = 86_400_000;
const COLLECTOR_COLUMNS = { agencyId: 'agencyId', teamGroupId: 'teamGroupId', teamId: 'teamId', collectorId: 'id' };

/**
 * What needs a look now, each as a count (SQL) and the first few rows: collectors over capacity, promises broken in
 * the last week, open cases nobody has contacted for N days, collectors idle for the tenant's idle threshold.
 */
export async function dashboardAlerts(ctx: CollectionsContext, filter: AlertsFilter): Promise<DashboardAlerts> {
  const scope = await adminScope(ctx);
  const now = new Date();
  const agency = filter.agencyId === undefined ? {} : { agencyId: filter.agencyId };
  const offset = await zoneOffsetHours(ctx, scope, filter.agencyId);
  const today = localToday(offset, now);
  const idleMinutes = filter.idleMinutes ?? (await idleThresholdMinutes(ctx));
  const activeCollectors = { $and: [agency, scopeWhere(scope, COLLECTOR_COLUMNS), { position: 'collector', status: 'active', isActive: true }] };

  const ptpWhere = { $and: [agency, await workScope(ctx, scope), { promiseDate: { $gte: addDays(today, -7), $lt: today }, promiseStatus: { $in: ['pending', 'broken'] } }] };
  const silentSince = new Date(now.getTime() - filter.notContactedDays * DAY_MS);
  const caseWhere = {
    $and: [agency, scopeWhere(scope), { caseStatus: { $in: OPEN_CASE_STATUSES }, collectorId: { $ne: null } }, { $or: [{ lastContactAt: null }, { lastContactAt: { $lt: silentSince } }] }],
  };
  const idleWhere = { $and: [activeCollectors, { $or: [{ lastActivityAt: null }, { lastActivityAt: { $lt: new Date(now.getTime() - idleMinutes * 60_000) } }] }] };
  const page = { limit: filter.limit };

  const [overCapacity, ptpCount, ptps, caseCount, cases, idleCount, idle] = await Promise.all([
    overCapacityOf(ctx, scope, agency, activeCollectors, filter.limit),
    ctx.em.count(Ptp, ptpWhere),
    ctx.em.find(Ptp, ptpWhere, { ...page, orderBy: { promiseAmount: 'desc', id: 'asc' } }),
    ctx.em.count(CollectionCase, caseWhere),
    ctx.em.find(CollectionCase, caseWhere, { ...page, fields: ['caseCode', 'collectorId', 'lastContactAt', 'overdueDays'], orderBy: { lastContactAt: 'asc', id: 'asc' } }),
    ctx.em.count(Collector, idleWhere),
    ctx.em.find(Collector, idleWhere, { ...page, fields: ['collectorName', 'lastActivityAt'], orderBy: { lastActivityAt: 'asc', id: 'asc' } }),
  ]);
  const id = (value: number | null | undefined) => (value === null || value === undefined ? null : String(value));
  return {
    generatedAt: now,
    overCapacity,
    brokenPtps: {
      count: ptpCount,
      items: ptps.map((p) => ({ ptpId: String(p.id), caseId: String(p.caseId), collectorId: id(p.collectorId), promiseDate: p.promiseDate, promiseAmount: p.promiseAmount, promiseStatus: p.promiseStatus })),
    },
    notContactedCases: {
      count: caseCount,
      items: cases.map((c) => ({ caseId: String(c.id), caseCode: c.caseCode, collectorId: id(c.collectorId), lastContactAt: c.lastContactAt ?? null, overdueDays: c.overdueDays })),
    },
    idleCollectors: {
      count: idleCount,
      items: idle.map((c) => ({ collectorId: String(c.id), collectorName: c.collectorName, lastActivityAt: c.lastActivityAt ?? null })),
    },
  };
}

/**
 * Open cases per collector (GROUP BY, one row per collector holding cases) against each active collector's maximum.
 * The rows are one per collector, never per case.
 */
async function overCapacityOf(ctx: CollectionsContext, scope: CollectionsScope, agency: object, activeCollectors: object, limit: number): Promise<OverCapacityAlerts> {
  const held = await aggregate(
    ctx.em,
    CollectionCase,
    ['collectorId', count()],
    { $and: [agency, scopeWhere(scope), { caseStatus: { $in: OPEN_CASE_STATUSES }, collectorId: { $ne: null } }] },
    ['collectorId'],
  );
  const counts = new Map(held.map((row) => [Number(row.collectorId), num(row.n)]));
  const collectors = counts.size
    ? await ctx.em.find(Collector, { $and: [activeCollectors, { id: { $in: [...counts.keys()] } }] }, { fields: ['collectorName', 'maxCaseCount'] })
    : [];
  const over = collectors
    .filter((c) => (counts.get(c.id) ?? 0) > c.maxCaseCount)
    .map((c) => ({ collectorId: String(c.id), collectorName: c.collectorName, caseCount: counts.get(c.id) ?? 0, maxCaseCount: c.maxCaseCount }))
    .sort((a, b) => b.caseCount - b.maxCaseCount - (a.caseCount - a.maxCaseCount) || Number(a.collectorId) - Number(b.collectorId));
  return { count: over.length, items: over.slice(0, limit) };
}
