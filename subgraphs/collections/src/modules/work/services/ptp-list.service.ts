import { raw } from '@mikro-orm/sql';
import { centsToDecimal, pageWindow, toPage } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { dayIn, tenantZone } from '../../config/services/tenant-day';
import { aggregate, countWhere, num } from '../../dashboards/services/grouped';
import { scoped, scopeOf, type ScopeColumns } from '../../org/services/scope';
import { Ptp } from '../entities/ptp.entity';
import type { PtpListPage } from '../resolvers/ptp-list.types';
import { OPEN_PTP_STATUSES } from './ptp.service';
import { addDays, parseDay } from './times';

/** A PTP's place in the organisation: a collector reaches the promises credited to them, a leader their team's … */
const PTP_COLUMNS: ScopeColumns = { agencyId: 'agencyId', teamId: 'teamId', collectorId: 'collectorId' };

export interface MyPtpsFilter {
  status?: string;
  dateFrom?: string;
  dateTo?: string;
}

/** `expired`: promises the overdue check broke (their date passed unpaid); the others are the stored statuses. */
function statusWhere(status: string | undefined): object {
  if (!status) return {};
  if (status === 'expired') return { promiseStatus: 'broken', expiredAt: { $ne: null } };
  return { promiseStatus: status };
}

/**
 * The caller's promises (a collector's own, a leader's team's, an admin's tenant's), soonest date first, with the
 * summary of the same reach and date range over every status (the app's tabs): counts and the promised total, in SQL.
 */
export async function myPtps(ctx: CollectionsContext, filter: MyPtpsFilter, window: { page: number; pageSize: number }): Promise<PtpListPage> {
  const range: Record<string, string> = {};
  if (filter.dateFrom) range.$gte = parseDay(filter.dateFrom, 'dateFrom');
  if (filter.dateTo) range.$lte = parseDay(filter.dateTo, 'dateTo');
  const within = Object.keys(range).length ? { promiseDate: range } : {};
  return listPage(ctx, within, statusWhere(filter.status), window);
}

/** Open promises (pending, partially kept) due from today to `days` ahead (the caller's tenant calendar). */
export async function duePtps(ctx: CollectionsContext, days: number, window: { page: number; pageSize: number }): Promise<PtpListPage> {
  const scope = await scopeOf(ctx);
  const today = dayIn(scope.tenantId === null ? 'UTC' : await tenantZone(ctx.em, scope.tenantId));
  const due = { promiseDate: { $gte: today, $lte: addDays(today, days) }, promiseStatus: { $in: [...OPEN_PTP_STATUSES] } };
  return listPage(ctx, due, {}, window);
}

async function listPage(ctx: CollectionsContext, within: object, narrowing: object, window: { page: number; pageSize: number }): Promise<PtpListPage> {
  const scope = await scopeOf(ctx);
  const where = scoped({ ...within, ...narrowing }, scope, PTP_COLUMNS);
  const [[items, total], [summary]] = await Promise.all([
    ctx.em.findAndCount(Ptp, where, { orderBy: { promiseDate: 'asc', id: 'asc' }, ...pageWindow(window) }),
    aggregate(ctx.em, Ptp, [
      countWhere("promise_status = 'pending'", 'pending'),
      countWhere("promise_status = 'partially_kept'", 'partially'),
      countWhere("promise_status = 'kept'", 'kept'),
      countWhere("promise_status = 'broken'", 'broken'),
      raw('sum(promise_amount) as cents'),
    ], scoped(within, scope, PTP_COLUMNS)),
  ]);
  return {
    ...toPage(items, total, window),
    summary: {
      pendingCount: num(summary?.pending),
      partiallyKeptCount: num(summary?.partially),
      keptCount: num(summary?.kept),
      brokenCount: num(summary?.broken),
      totalPromiseAmount: centsToDecimal(summary?.cents as string | undefined),
    },
  };
}
