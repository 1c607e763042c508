import type { SqlEntityManager } from '@mikro-orm/sql';
import { badInput, parseId, recordDomainEvent } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { Agency } from '../../org/entities/agency.entity';
import { Collector } from '../../org/entities/collector.entity';
import { Team } from '../../org/entities/team.entity';
import { scoped } from '../../org/services/scope';
import { Queue } from '../../queues/entities/queue.entity';
import { CaseDateField, type CaseExportFilter } from '../resolvers/case-export.filter';
import type { ReportColumn, ReportRows } from '../resolvers/report-page';
import { CASE_FIELDS, customField, type CaseField, type CaseNames, type CaseRow } from './case-fields';
import { exportScope, pageSize, seesPersonalData } from './export-access';
import { tenantFieldNames } from './field-names';
import { dayRange } from './local-days';

/** At most this many columns: a row stays a row, not a copy of the database. */
const MAX_FIELDS = 100;

interface ChosenField {
  key: string;
  header: string;
  field: CaseField;
}

const callerTenant = (ctx: CollectionsContext): number | null => (ctx.caller?.tenantId ? Number(ctx.caller.tenantId) : null);

/** The fields asked for, in their order, each known (standard or the tenant's own) and headed by the tenant's name. */
async function chooseFields(ctx: CollectionsContext, keys: readonly string[]): Promise<ChosenField[]> {
  if (keys.length === 0) throw badInput('fields', 'fields must name at least one field');
  if (keys.length > MAX_FIELDS) throw badInput('fields', `fields may name at most ${MAX_FIELDS} fields`);
  const { names, custom } = await tenantFieldNames(ctx.em, callerTenant(ctx), keys);
  const unknown = keys.filter((k) => !CASE_FIELDS[k] && !custom.has(k));
  if (unknown.length) throw badInput('fields', `fields holds unknown field keys: ${[...new Set(unknown)].join(', ')}`);
  return keys.map((key) => ({ key, header: names.get(key) ?? key, field: CASE_FIELDS[key] ?? customField(key) }));
}

export async function caseExportColumns(ctx: CollectionsContext, keys: readonly string[]): Promise<ReportColumn[]> {
  await exportScope(ctx);
  return (await chooseFields(ctx, keys)).map(({ key, header, field }) => ({ key, header, type: field.type }));
}

const idOf = (value: string | undefined, field: string): number | undefined => {
  if (value === undefined || value === null) return undefined;
  const id = parseId(value);
  if (id === null) throw CollectionsErrors.invalidId(field);
  return id;
};

function filterWhere(filter: CaseExportFilter | undefined, zone: string): Record<string, unknown> {
  if (!filter) return {};
  const where: Record<string, unknown> = {};
  const ids = { queueId: filter.queueId, agencyId: filter.agencyId, teamId: filter.teamId, collectorId: filter.collectorId };
  for (const [column, value] of Object.entries(ids)) {
    const id = idOf(value, column);
    if (id !== undefined) where[column] = id;
  }
  if (filter.caseStatus) where.caseStatus = filter.caseStatus;
  if (filter.overdueDaysMin !== undefined || filter.overdueDaysMax !== undefined) {
    where.overdueDays = {
      ...(filter.overdueDaysMin !== undefined ? { $gte: filter.overdueDaysMin } : {}),
      ...(filter.overdueDaysMax !== undefined ? { $lte: filter.overdueDaysMax } : {}),
    };
  }
  const { from, to } = dayRange(filter.startDate, filter.endDate, zone);
  if (from || to) {
    where[filter.dateField ?? CaseDateField.createdAt] = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
  }
  return where;
}

/** The names a page refers to, one `IN` query per kind of name its fields show. */
async function namesOf(ctx: CollectionsContext, cases: CaseRow[], keys: ReadonlySet<string>): Promise<CaseNames> {
  const ids = (property: string) => [...new Set(cases.map((c) => c[property]).filter((v) => v !== null && v !== undefined).map(Number))];
  const load = async <T extends { id: number }>(key: string, property: string, run: (ids: number[]) => Promise<T[]>, name: (row: T) => string) => {
    const wanted = keys.has(key) ? ids(property) : [];
    return new Map(wanted.length ? (await run(wanted)).map((row) => [row.id, name(row)] as const) : []);
  };
  const [queues, agencies, teams, collectors] = await Promise.all([
    load('queue_name', 'queueId', (i) => ctx.em.find(Queue, { id: { $in: i } }), (q) => q.queueName),
    load('agency_name', 'agencyId', (i) => ctx.em.find(Agency, { id: { $in: i } }), (a) => a.agencyName),
    load('team_name', 'teamId', (i) => ctx.em.find(Team, { id: { $in: i } }), (t) => t.teamName),
    load('collector_name', 'collectorId', (i) => ctx.em.find(Collector, { id: { $in: i } }), (c) => c.collectorName),
  ]);
  return { queues, agencies, teams, collectors };
}

/** The page's cases as rows of the columns its fields read (no entities: see CaseRow), tenant filter applied. */
async function readCases(ctx: CollectionsContext, where: object, fields: readonly ChosenField[], limit: number): Promise<CaseRow[]> {
  const properties = [...new Set(['id', ...fields.flatMap((f) => f.field.properties)])];
  const qb = (ctx.em as SqlEntityManager)
    .createQueryBuilder(CollectionCase)
    .select(properties as never)
    .where(where as never)
    .orderBy({ id: 'asc' })
    .limit(limit);
  await qb.applyFilters();
  return await qb.execute('all', true);
}

/** An export page holding unmasked personal data is one audit entry naming its cases (the detail audits per read). */
async function auditPersonalDataExport(ctx: CollectionsContext, caseIds: number[], tenantId: number | null): Promise<void> {
  recordDomainEvent(ctx, {
    source: 'collections',
    tenantId,
    action: 'export_personal_data',
    resourceType: 'case',
    resourceId: caseIds.length === 1 ? caseIds[0] : 'cases',
    after: { case_ids: caseIds },
    summary: `导出案件个人信息 ${caseIds.length} 件`,
  });
  // A query has no unit of work of its own to commit: the entry is written now.
  await ctx.em.flush();
}

/**
 * One keyset page of the export (`id > afterId`, ascending, `first` rows): the cases the filter picks inside the
 * caller's scope (dates are days of `zone`, the tenant's), as rows of cells in the fields' order, personal data masked unless the caller may see it.
 * Memory per page is one page, whatever the export's size.
 */
export async function caseExportPage(
  ctx: CollectionsContext,
  keys: readonly string[],
  filter: CaseExportFilter | undefined,
  page: { afterId?: string; first?: number; zone?: string },
): Promise<ReportRows> {
  const scope = await exportScope(ctx);
  const limit = pageSize(page.first);
  const fields = await chooseFields(ctx, keys);
  const after = idOf(page.afterId, 'afterId');
  const where = { ...filterWhere(filter, page.zone ?? 'UTC'), ...(after !== undefined ? { id: { $gt: after } } : {}) };
  const cases = await readCases(ctx, scoped(where, scope), fields, limit);
  const names = await namesOf(ctx, cases, new Set(keys));
  const unmasked = seesPersonalData(ctx);
  if (unmasked && cases.length && fields.some(({ field }) => field.mask)) await auditPersonalDataExport(ctx, cases.map((c) => Number(c.id)), scope.tenantId);
  const rows = cases.map((c) =>
    fields.map(({ field }) => {
      const value = field.read(c, names);
      return value !== null && field.mask && !unmasked ? field.mask(value) : value;
    }),
  );
  return { rows, lastId: cases.length ? String(cases[cases.length - 1].id) : null, hasMore: cases.length === limit };
}
