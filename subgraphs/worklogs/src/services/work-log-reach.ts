import type { FilterQuery } from '@mikro-orm/core';
import { hasPermission, isPlatformAdmin } from '@platform/kit';
import { DirectoryPosition, DirectoryUser, type WorkLog } from '../entities';
import { callerOf, type WorklogsContext } from '../worklogs.context';

/** Whose work logs a caller reaches: everyone's in their tenant, or their own and their direct reports'. */
export interface Reach {
  /** Every log the tenant filter lets through: the platform admin, and holders of `worklogs:rate`. */
  all: boolean;
  self: string;
  /** Employees whose position's parent is the caller's position (decisions.md § 004: the supervisor). */
  reports: ReadonlySet<string>;
}

/**
 * The caller's reach, from worklogs' projection of identity's users and positions (three small reads, the same
 * for a page of any size). A holder of `worklogs:rate` may rate anyone in the tenant, so they see everyone's.
 */
export async function reachOf(ctx: WorklogsContext): Promise<Reach> {
  const caller = callerOf(ctx);
  const all = isPlatformAdmin(caller) || hasPermission(caller, 'worklogs:rate');
  return { all, self: caller.userId, reports: all ? new Set() : await reportsOf(ctx, caller.userId) };
}

async function reportsOf(ctx: WorklogsContext, userId: string): Promise<Set<string>> {
  const { em } = ctx;
  const me = await em.findOne(DirectoryUser, { id: Number(userId), present: true });
  if (!me?.positionId) return new Set();
  const children = await em.find(
    DirectoryPosition,
    { tenantId: me.tenantId, parentId: me.positionId, present: true },
    { fields: ['id'] },
  );
  if (!children.length) return new Set();
  const reports = await em.find(
    DirectoryUser,
    { tenantId: me.tenantId, positionId: { $in: children.map((p) => p.id) }, present: true },
    { fields: ['id'] },
  );
  return new Set(reports.map((u) => String(u.id)).filter((id) => id !== userId));
}

export const reaches = (reach: Reach, employeeId: string): boolean =>
  reach.all || employeeId === reach.self || reach.reports.has(employeeId);

/** The condition that keeps a query within the caller's reach (the tenant filter applies besides). */
export const withinReach = (reach: Reach): FilterQuery<WorkLog> =>
  reach.all ? {} : { employeeId: { $in: [reach.self, ...reach.reports] } };
