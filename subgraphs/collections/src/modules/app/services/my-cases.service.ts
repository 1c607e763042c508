import { raw, type FilterQuery } from '@mikro-orm/core';
import { centsToDecimal, pageWindow, toPage, type PageWindow } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { aggregate, num } from '../../dashboards/services/grouped';
import { scoped, scopeOf } from '../../org/services/scope';
import { SortOrder } from '../../cases/resolvers/case.inputs';
import { MyCaseSortField, QuickFilter, type MyCaseFilter, type MyCaseSort } from '../resolvers/my-cases.inputs';
import type { MyCasePage, MyCaseSummary, QuickFilterCount } from '../resolvers/my-cases.types';
import { CaseConditions, clockOf } from './my-case-conditions';

async function conditions(ctx: CollectionsContext) {
  const scope = await scopeOf(ctx);
  return { scope, when: new CaseConditions(ctx, await clockOf(ctx, scope)) };
}

/**
 * The caller's cases (a collector's own, a team leader's team's … — their data scope) matching the app's filters:
 * one page, sorted (default most overdue first), with the summary of all that match, each figure in SQL.
 */
export async function myCases(ctx: CollectionsContext, filter: MyCaseFilter | null | undefined, sort: MyCaseSort | null | undefined, window: PageWindow): Promise<MyCasePage> {
  const { scope, when } = await conditions(ctx);
  const where = scoped(when.of(filter), scope) as FilterQuery<CollectionCase>;
  const field = sort?.field ?? MyCaseSortField.overdue_days;
  const order = sort?.order ?? SortOrder.desc;
  const [[items, total], summary] = await Promise.all([
    ctx.em.findAndCount(CollectionCase, where, { orderBy: { [field]: order, id: order } as never, ...pageWindow(window) }),
    summaryOf(ctx, where, scoped(when.needsFollowUp(), scope) as FilterQuery<CollectionCase>),
  ]);
  return { ...toPage(items, total, window), summary };
}

async function summaryOf(ctx: CollectionsContext, where: FilterQuery<CollectionCase>, followUp: FilterQuery<CollectionCase>): Promise<MyCaseSummary> {
  const [[figures], needFollowUpCount] = await Promise.all([
    aggregate(ctx.em, CollectionCase, [raw('sum(outstanding_amount) as cents'), raw("sum(case when case_priority in ('high', 'urgent') then 1 else 0 end) as high")], where),
    ctx.em.count(CollectionCase, { $and: [where, followUp] }),
  ]);
  return {
    totalOutstandingAmount: centsToDecimal((figures?.cents ?? 0) as string | number),
    highPriorityCount: num(figures?.high),
    needFollowUpCount,
  };
}

/** How many of the caller's cases each quick filter holds: one count per filter, run side by side. */
export async function quickFilterCounts(ctx: CollectionsContext): Promise<QuickFilterCount[]> {
  const { scope, when } = await conditions(ctx);
  const filters = Object.values(QuickFilter);
  const counts = await Promise.all(filters.map((f) => ctx.em.count(CollectionCase, scoped(when.quick(f), scope) as FilterQuery<CollectionCase>)));
  return filters.map((filter, i) => ({ filter, count: counts[i] }));
}

