import { raw } from '@mikro-orm/sql';
import { centsToDecimal, Decimal } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { OPEN_CASE_STATUSES } from '../../cases/entities/case-status';
import { Agency } from '../../org/entities/agency.entity';
import { scopeWhere } from '../../org/services/scope';
import { Queue } from '../../queues/entities/queue.entity';
import { Communication } from '../../work/entities/communication.entity';
import { Ptp } from '../../work/entities/ptp.entity';
import { Repayment } from '../../work/entities/repayment.entity';
import type { CaseGroupFigures, DashboardAnalytics } from '../resolvers/analytics.types';
import { adminScope } from '../../org/services/scope';
import { aggregate, count, countWhere, num, workScope, type Row } from './grouped';
import { addDays, daysRange, localToday, zoneOffsetHours } from './local-day';
import { rate } from './rates';

export interface AnalyticsFilter {
  dateFrom?: string | null;
  dateTo?: string | null;
  agencyId?: number;
}

const OPEN = `case_status in (${OPEN_CASE_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const money = (row: Row | undefined, key = 'cents') => centsToDecimal(row?.[key] as string | undefined);
const sumOf = (rows: Row[], key = 'cents') => rows.reduce((sum, row) => sum.plus(money(row, key)), new Decimal(0));

/**
 * The case book (current assignment, by queue and by agency) and the work of a local date range (default: the last 30
 * days to today): communications, contact rate, promises, kept rate, collections. Every figure is a grouped statement.
 */
export async function dashboardAnalytics(ctx: CollectionsContext, filter: AnalyticsFilter): Promise<DashboardAnalytics> {
  const scope = await adminScope(ctx);
  const offset = await zoneOffsetHours(ctx, scope, filter.agencyId);
  const dateTo = filter.dateTo ?? localToday(offset);
  const dateFrom = filter.dateFrom ?? addDays(dateTo, -29);
  const range = daysRange(dateFrom, dateTo, offset);
  const agency = filter.agencyId === undefined ? {} : { agencyId: filter.agencyId };
  const cases = { $and: [agency, scopeWhere(scope)] };
  const work = { $and: [agency, await workScope(ctx, scope)] };
  const during = (column: string) => ({ $and: [work, { [column]: { $gte: range.from, $lt: range.to } }] });

  const caseFigures = ['queueId', 'agencyId', count(), countWhere(OPEN, 'open'), raw('sum(outstanding_amount) as cents')];
  const [book, contacts, promises, due, repaid] = await Promise.all([
    aggregate(ctx.em, CollectionCase, caseFigures, cases, ['queueId', 'agencyId']),
    aggregate(ctx.em, Communication, [count(), raw('count(distinct case_id) as cases')], during('contactTime')),
    aggregate(ctx.em, Ptp, [count(), raw('count(distinct case_id) as cases'), raw('sum(promise_amount) as cents')], during('createdAt')),
    aggregate(
      ctx.em,
      Ptp,
      [countWhere(`promise_status = 'kept'`, 'kept'), countWhere(`promise_status in ('kept', 'partially_kept', 'broken')`, 'decided')],
      { $and: [work, { promiseDate: { $gte: dateFrom, $lte: dateTo } }] },
    ),
    aggregate(ctx.em, Repayment, ['agencyId', raw('sum(repayment_amount) as cents')], { $and: [during('repaymentDate'), { confirmed: true }] }, ['agencyId']),
  ]);

  const [byQueue, byAgency] = await Promise.all([
    named(groupBook(book, 'queueId'), async (ids) =>
      (await ctx.em.find(Queue, { id: { $in: ids } }, { fields: ['queueName'] })).map((q) => ({ id: q.id, name: q.queueName }))),
    named(groupBook(book, 'agencyId', repaid), async (ids) =>
      (await ctx.em.find(Agency, { id: { $in: ids } }, { fields: ['agencyName'] })).map((a) => ({ id: a.id, name: a.agencyName }))),
  ]);
  const openCases = book.reduce((sum, row) => sum + num(row.open), 0);
  const contactedCases = num(contacts[0]?.cases);
  return {
    dateFrom,
    dateTo,
    totalCases: book.reduce((sum, row) => sum + num(row.n), 0),
    openCases,
    outstandingAmount: sumOf(book),
    collectedAmount: sumOf(repaid),
    communications: num(contacts[0]?.n),
    contactedCases,
    contactRate: rate(contactedCases, openCases),
    ptpCount: num(promises[0]?.n),
    ptpAmount: money(promises[0]),
    ptpRate: rate(num(promises[0]?.cases), contactedCases),
    ptpKeptRate: rate(num(due[0]?.kept), num(due[0]?.decided)),
    byQueue,
    byAgency,
  };
}

/** The book's rows (grouped by queue and agency) folded into one figure per `key`. */
function groupBook(book: Row[], key: 'queueId' | 'agencyId', repaid: Row[] = []): Map<number | null, CaseGroupFigures> {
  const groups = new Map<number | null, CaseGroupFigures>();
  const of = (id: unknown) => {
    const k = id === null || id === undefined ? null : Number(id);
    const known = groups.get(k);
    if (known) return known;
    const fresh = { id: k === null ? null : String(k), name: null, caseCount: 0, openCases: 0, outstandingAmount: new Decimal(0), collectedAmount: key === 'agencyId' ? new Decimal(0) : null };
    groups.set(k, fresh);
    return fresh;
  };
  for (const row of book) {
    const g = of(row[key]);
    g.caseCount += num(row.n);
    g.openCases += num(row.open);
    g.outstandingAmount = g.outstandingAmount.plus(money(row));
  }
  for (const row of repaid) of(row.agencyId).collectedAmount = money(row);
  return groups;
}

/** The groups with their queue's / agency's name (one read), ordered by id, the unnamed group last. */
async function named(
  groups: Map<number | null, CaseGroupFigures>,
  names: (ids: number[]) => Promise<Array<{ id: number; name: string }>>,
): Promise<CaseGroupFigures[]> {
  const ids = [...groups.keys()].filter((k): k is number => k !== null);
  for (const row of ids.length ? await names(ids) : []) groups.get(row.id)!.name = row.name;
  return [...groups.entries()].sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity)).map(([, g]) => g);
}
