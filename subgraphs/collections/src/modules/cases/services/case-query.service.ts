import type { FilterQuery } from '@mikro-orm/core';
import { badInput, Decimal, pageWindow, parseId, prefixPattern, toPage, type PageWindow, type Paged } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { adminScope, scoped } from '../../org/services/scope';

import { CASE_STATUSES, type CaseStatus } from '../entities/case-status';
import { CollectionCase } from '../entities/collection-case.entity';
import { CaseSortField, SortOrder, type CaseFilter, type CaseSort, type MoneyRange } from '../resolvers/case.inputs';

const idFilter = (value: string | null | undefined, field: string): number | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const id = parseId(value);
  if (id === null) throw CollectionsErrors.invalidId(field);
  return id;
};

function range<T>(bounds: { min?: T | null; max?: T | null } | null | undefined): Record<string, T> | undefined {
  if (!bounds) return undefined;
  const cond: Record<string, T> = {};
  if (bounds.min !== null && bounds.min !== undefined) cond.$gte = bounds.min;
  if (bounds.max !== null && bounds.max !== undefined) cond.$lte = bounds.max;
  return Object.keys(cond).length ? cond : undefined;
}

function moneyRange(bounds: MoneyRange | null | undefined, field: string) {
  for (const v of [bounds?.min, bounds?.max]) {
    if (v && (v.isNeg() || v.decimalPlaces() > 2)) throw badInput(field, `${field} must be a non-negative amount with at most 2 decimals`);
  }
  return range<Decimal>(bounds);
}

function statuses(values: string[] | null | undefined): CaseStatus[] | undefined {
  if (!values?.length) return undefined;
  const unknown = values.find((s) => !(CASE_STATUSES as readonly string[]).includes(s));
  if (unknown !== undefined) throw badInput('caseStatus', `caseStatus must be one of ${CASE_STATUSES.join(', ')}`);
  return values as CaseStatus[];
}

/** The filters as one MikroORM condition (the scope is added by the caller with `scoped`). */
export function caseWhere(filter: CaseFilter | null | undefined): FilterQuery<CollectionCase> {
  if (!filter) return {};
  const where: Record<string, unknown> = {
    tenantId: idFilter(filter.tenantId, 'tenantId'),
    queueId: idFilter(filter.queueId, 'queueId'),
    agencyId: idFilter(filter.agencyId, 'agencyId'),
    teamId: idFilter(filter.teamId, 'teamId'),
    collectorId: idFilter(filter.collectorId, 'collectorId'),
    overdueDays: range(filter.overdueDays),
    outstandingAmount: moneyRange(filter.outstandingAmount, 'outstandingAmount'),
    loanAmount: moneyRange(filter.loanAmount, 'loanAmount'),
  };
  const status = statuses(filter.caseStatus);
  if (status) where.caseStatus = status.length === 1 ? status[0] : { $in: status };
  const keyword = filter.search?.trim();
  // A prefix, not a substring: each column's (tenant_id, column) index serves it (an index-merge union on MariaDB).
  if (keyword) where.$or = (['caseCode', 'userName', 'mobile'] as const).map((f) => ({ [f]: { $like: prefixPattern(keyword) } }));
  return Object.fromEntries(Object.entries(where).filter(([, v]) => v !== undefined));
}

/** The cases of the caller's scope matching the filters, one page, sorted (default newest first). */
export async function listCases(
  ctx: CollectionsContext,
  filter: CaseFilter | null | undefined,
  sort: CaseSort | null | undefined,
  window: PageWindow,
): Promise<Paged<CollectionCase>> {
  const scope = await adminScope(ctx);
  const field = sort?.field ?? CaseSortField.id;
  const order = sort?.order ?? SortOrder.desc;
  const orderBy = field === CaseSortField.id ? { id: order } : { [field]: order, id: order };
  const [items, total] = await ctx.em.findAndCount(CollectionCase, scoped(caseWhere(filter), scope), {
    orderBy: orderBy as never,
    ...pageWindow(window),
  });
  return toPage(items, total, window);
}

/** One case of the caller's scope; another scope's or tenant's is null (→ 404), as a missing one. */
export async function findCase(ctx: CollectionsContext, id: string): Promise<CollectionCase | null> {
  const caseId = parseId(id);
  if (caseId === null) return null;
  const scope = await adminScope(ctx);
  return ctx.em.findOne(CollectionCase, scoped({ id: caseId }, scope));
}
