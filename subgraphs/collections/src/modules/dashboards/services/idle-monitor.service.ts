import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { OPEN_CASE_STATUSES } from '../../cases/entities/case-status';
import { Agency } from '../../org/entities/agency.entity';
import { Collector } from '../../org/entities/collector.entity';
import { scoped } from '../../org/services/scope';
import { Communication } from '../../work/entities/communication.entity';
import { Ptp } from '../../work/entities/ptp.entity';
import type { IdleCollector, IdleReport } from '../resolvers/idle-monitor.types';
import { adminScope } from '../../org/services/scope';
import { aggregate, count, num } from './grouped';
import { idleMinutes } from './idle-time';
import { idleThresholdMinutes } from './idle-threshold';
import { localToday, parseDay } from './local-day';
import { workingWindow } from './working-window';

const COLLECTOR_COLUMNS = { agencyId: 'agencyId', teamGroupId: 'teamGroupId', teamId: 'teamId', collectorId: 'id' };

/**
 * Idle time of an agency's active collectors (those in the caller's scope) on a local day, within the agency's working
 * hours: activities are communications (contact time), promises made (creation) and the profile's last activity;
 * see idle-time.ts for the rule. The activities' times are read as two columns for the day's window only.
 */
export async function idleReport(ctx: CollectionsContext, agencyId: number, date: string | null | undefined): Promise<IdleReport> {
  const scope = await adminScope(ctx);
  const agency = await ctx.em.findOne(Agency, scoped({ id: agencyId }, scope, { agencyId: 'id' }));
  if (!agency) throw CollectionsErrors.notFound('Agency', agencyId);
  const day = date ?? localToday(agency.timezone);
  parseDay(day, 'date');
  const [window, thresholdMinutes] = await Promise.all([workingWindow(ctx, agency.id, day, agency.timezone), idleThresholdMinutes(ctx)]);
  const report = {
    date: day,
    agencyId: String(agency.id),
    agencyName: agency.agencyName,
    utcOffsetHours: agency.timezone,
    workStart: window?.from ?? null,
    workEnd: window?.to ?? null,
    thresholdMinutes,
  };
  if (!window) return { ...report, idleCollectors: [] };

  const collectors = await ctx.em.find(
    Collector,
    scoped({ agencyId: agency.id, position: 'collector', status: 'active', isActive: true }, scope, COLLECTOR_COLUMNS),
    { fields: ['collectorName', 'lastActivityAt'], orderBy: { id: 'asc' } },
  );
  const ids = collectors.map((c) => c.id);
  if (ids.length === 0) return { ...report, idleCollectors: [] };
  const mine = { collectorId: { $in: ids } };
  const readOnly = { disableIdentityMap: true } as const;
  const [communications, ptps, held] = await Promise.all([
    ctx.em.find(Communication, { ...mine, contactTime: { $gte: window.from, $lt: window.to } }, { ...readOnly, fields: ['collectorId', 'contactTime'] }),
    ctx.em.find(Ptp, { ...mine, createdAt: { $gte: window.from, $lt: window.to } }, { ...readOnly, fields: ['collectorId', 'createdAt'] }),
    aggregate(ctx.em, CollectionCase, ['collectorId', count()], { ...mine, caseStatus: { $in: OPEN_CASE_STATUSES } }, ['collectorId']),
  ]);
  const activities = new Map<number, Date[]>(ids.map((id) => [id, []]));
  for (const c of communications) activities.get(c.collectorId!)?.push(c.contactTime);
  for (const p of ptps) activities.get(p.collectorId!)?.push(p.createdAt);
  const openCases = new Map(held.map((row) => [Number(row.collectorId), num(row.n)]));

  const idleCollectors = collectors
    .map((c): IdleCollector => {
      const own = activities.get(c.id)!;
      const last = c.lastActivityAt && c.lastActivityAt < window.to ? c.lastActivityAt : null;
      if (last && last >= window.from) own.push(last);
      const latest = own.length ? new Date(Math.max(...own.map((a) => a.getTime()))) : last;
      return {
        collectorId: String(c.id),
        collectorName: c.collectorName,
        idleMinutes: idleMinutes(window, own, thresholdMinutes),
        idleReason: !openCases.get(c.id) ? '无分配案件' : own.length === 0 ? '无沟通记录' : '长时间无操作',
        lastActivityAt: latest,
      };
    })
    .filter((c) => c.idleMinutes > 0)
    .sort((a, b) => b.idleMinutes - a.idleMinutes || Number(a.collectorId) - Number(b.collectorId));
  return { ...report, idleCollectors };
}
