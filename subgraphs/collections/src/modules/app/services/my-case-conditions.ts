import { raw, type FilterQuery, type RawQueryFragment } from '@mikro-orm/core';
import { Decimal } from '@platform/kit';
import { DateTime } from 'luxon';
import type { CollectionsContext } from '../../../collections.context';
import type { CaseStatus } from '../../cases/entities/case-status';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { caseWhere } from '../../cases/services/case-query.service';
import { tenantZone } from '../../config/services/tenant-day';
import type { CollectionsScope } from '../../org/services/scope';
import { MyCasePriority, MyCaseStatus, QuickFilter, type MyCaseFilter } from '../resolvers/my-cases.inputs';

type Where = FilterQuery<CollectionCase>;

const STATUS_GROUPS: Record<MyCaseStatus, CaseStatus[]> = {
  [MyCaseStatus.pending]: ['pending_repayment'],
  [MyCaseStatus.in_progress]: ['promised', 'partial_repayment'],
  [MyCaseStatus.resolved]: ['settled', 'closed', 'written_off'],
};
const PRIORITIES: Record<MyCasePriority, string[]> = {
  [MyCasePriority.high]: ['high', 'urgent'],
  [MyCasePriority.medium]: ['normal'],
  [MyCasePriority.low]: ['low'],
};

/** What the conditions compare times with: now, and the start of today in the caller's tenant's zone. */
export interface Clock {
  now: Date;
  startOfToday: Date;
}

export async function clockOf(ctx: CollectionsContext, scope: CollectionsScope, now = new Date()): Promise<Clock> {
  const zone = scope.tenantId === null ? 'UTC' : await tenantZone(ctx.em, scope.tenantId);
  return { now, startOfToday: DateTime.fromJSDate(now, { zone }).startOf('day').toJSDate() };
}

/** A true SQL condition as a filter: `{ [raw(condition)]: 1 }` (booleans are 1 / 0 on MariaDB and SQLite alike). */
const holds = (condition: RawQueryFragment | symbol): Where => ({ [condition as never]: 1 });

const openPtp = (c: string) => `exists (select 1 from ptp p where p.tenant_id = ${c}.tenant_id and p.case_id = ${c}.id and p.promise_status = 'pending')`;
const callBack = (c: string) =>
  `exists (select 1 from communication m where m.tenant_id = ${c}.tenant_id and m.case_id = ${c}.id and m.next_follow_up_at >= ?)`;

/**
 * Condition builders over the case table. Conditions on a case's promises and communications are correlated EXISTS
 * over their (tenant_id, case_id, …) indexes: a few index lookups per case of the caller, however many promises and
 * call-backs the tenant holds (an IN over the tenant's rows read them all on every request).
 */
export class CaseConditions {
  /** Raw SQL compares times as the platform stores them (epoch ms on libSQL, DATETIME on MariaDB). */
  private readonly startOfToday: unknown;

  constructor(
    ctx: CollectionsContext,
    private readonly clock: Clock,
  ) {
    this.startOfToday = ctx.em.getPlatform().processDateProperty(clock.startOfToday);
  }

  /** SQL on the case row `alias`, and its parameters: an open promise, or a call-back booked for today or later. */
  followUpSql(alias: string): { sql: string; params: unknown[] } {
    return { sql: `(${openPtp(alias)} or ${callBack(alias)})`, params: [this.startOfToday] };
  }

  /** An open (pending) promise to pay. */
  hasOpenPtp(): Where {
    return holds(raw((alias: string) => openPtp(alias)));
  }

  needsFollowUp(): Where {
    return holds(raw((alias: string) => this.followUpSql(alias).sql, [this.startOfToday]));
  }

  quick(filter: QuickFilter): Where {
    const daysAgo = (days: number) => new Date(this.clock.now.getTime() - days * 86_400_000);
    switch (filter) {
      case QuickFilter.today_assigned:
        return { assignedAt: { $gte: this.clock.startOfToday } };
      case QuickFilter.never_contacted:
        return { lastContactAt: null };
      case QuickFilter.need_follow_up:
        return this.needsFollowUp();
      case QuickFilter.high_priority:
        return { casePriority: { $in: PRIORITIES.high } };
      case QuickFilter.long_overdue:
        return { overdueDays: { $gt: 60 } };
      case QuickFilter.high_amount:
        return { outstandingAmount: { $gt: new Decimal(10_000) } };
      case QuickFilter.recently_contacted:
        return { lastContactAt: { $gte: daysAgo(3) } };
    }
  }

  /** The filter as one condition (the caller adds the scope). */
  of(filter: MyCaseFilter | null | undefined): Where {
    if (!filter) return {};
    const all: Where[] = [
      caseWhere({
        search: filter.search,
        overdueDays: filter.overdueDays,
        outstandingAmount: filter.outstandingAmount,
        caseStatus: filter.status ? STATUS_GROUPS[filter.status] : undefined,
      }),
    ];
    if (filter.priority) all.push({ casePriority: { $in: PRIORITIES[filter.priority] } });
    if (filter.lastContactDays !== undefined && filter.lastContactDays !== null) {
      all.push({ $or: [{ lastContactAt: null }, { lastContactAt: { $lte: new Date(this.clock.now.getTime() - filter.lastContactDays * 86_400_000) } }] });
    }
    if (filter.hasPtp === true) all.push(this.hasOpenPtp());
    if (filter.hasPtp === false) all.push({ $not: this.hasOpenPtp() });
    // Tags are a JSON array: a tag is there when its JSON string is (instr works alike on MariaDB and SQLite).
    for (const tag of filter.caseTags ?? []) all.push({ [raw('instr(case_tags, ?)', [JSON.stringify(tag)])]: { $gt: 0 } });
    if (filter.quickFilter) all.push(this.quick(filter.quickFilter));
    return { $and: all };
  }
}
