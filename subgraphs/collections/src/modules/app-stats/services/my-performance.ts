import { Decimal } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { rate } from '../../dashboards/services/rates';
import { AgencyWorkingHour } from '../../org/entities/agency-working-hour.entity';
import { weekOf } from '../../org/resolvers/working-hours.resolver';
import type { MyPerformance } from '../resolvers/app-stats.types';
import { periodWindow, type AppPeriod } from './app-period';
import { appClock } from './app-clock';
import { caseFigures, collectedFigures, contactFigures, hours, ptpFigures, workedTime } from './collector-figures';
import { membersOf, ranked, standingOf } from './ranking';
import { scheduledSeconds } from './scheduled-time';

/**
 * My performance over a period (CCO app § 8.1), on the agency's clock: every figure one aggregate statement, the
 * ranking among the agency's active collectors (and within the team) by collected amount.
 */
export async function myPerformance(
  ctx: CollectionsContext,
  period: AppPeriod,
  custom: { startDate?: string | null; endDate?: string | null },
  now = new Date(),
): Promise<MyPerformance> {
  const { me, offset } = await appClock(ctx);
  const window = periodWindow(period, offset, custom, now);
  const ids = [me.id];
  const [contacts, ptps, cases, worked, agency, scheduleRows] = await Promise.all([
    contactFigures(ctx, ids, window),
    ptpFigures(ctx, ids, window),
    caseFigures(ctx, ids, window),
    workedTime(ctx, me.id, window),
    membersOf(ctx, me, 'agency'),
    ctx.em.find(AgencyWorkingHour, { agencyId: me.agencyId }),
  ]);
  const collectedBy = await collectedFigures(ctx, agency.map((m) => m.id), window);
  const team = agency.filter((m) => (m.teamId !== null && m.teamId !== undefined && m.teamId === me.teamId) || m.id === me.id);

  const contact = contacts.get(me.id) ?? { total: 0, effective: 0, averageCallSeconds: null };
  const ptp = ptps.get(me.id) ?? { total: 0, kept: 0, broken: 0, pending: 0 };
  const held = cases.get(me.id) ?? { held: 0, assigned: 0, resolved: 0, outstanding: new Decimal(0) };
  const collected = collectedBy.get(me.id) ?? new Decimal(0);
  const due = collected.plus(held.outstanding);
  const scheduled = scheduledSeconds(weekOf(me.agencyId, scheduleRows), window, now);
  const teamStanding = standingOf(ranked(team, collectedBy), me.id);
  const agencyStanding = standingOf(ranked(agency, collectedBy), me.id);
  return {
    period,
    startDate: window.startDate,
    endDate: window.endDate,
    caseStatistics: { totalCases: held.held, newCases: held.assigned, resolvedCases: held.resolved, resolutionRate: rate(held.resolved, held.held) },
    contactStatistics: {
      totalContacts: contact.total,
      effectiveContacts: contact.effective,
      contactRate: rate(contact.effective, contact.total),
      averageCallDuration: contact.averageCallSeconds ?? 0,
    },
    ptpStatistics: { totalPtp: ptp.total, keptPtp: ptp.kept, brokenPtp: ptp.broken, pendingPtp: ptp.pending, ptpKeptRate: rate(ptp.kept, ptp.total) },
    collectionStatistics: {
      totalCollectedAmount: collected,
      collectionRate: due.isZero() ? 0 : collected.div(due).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber(),
      averageCaseAmount: held.held === 0 ? new Decimal(0) : collected.div(held.held).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    },
    workingHours: {
      totalHours: hours(worked.seconds),
      averageDailyHours: worked.days === 0 ? 0 : hours(worked.seconds / worked.days),
      onlineRate: scheduled === 0 ? 0 : Math.min(1, rate(worked.seconds, scheduled)),
    },
    ranking: { teamRank: teamStanding.rank, teamTotal: teamStanding.total, agencyRank: agencyStanding.rank, agencyTotal: agencyStanding.total },
  };
}
