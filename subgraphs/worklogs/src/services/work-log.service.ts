import type { FilterQuery } from '@mikro-orm/core';
import { flushOrConflict, pageWindow, parseId, recordDomainEvent, toPage, type Paged, type PageWindow } from '@platform/kit';
import { CompletionStatus, DirectoryUser, WorkLog } from '../entities';
import { workLogById } from '../loaders/work-log-by-id.loader';
import type { CreateWorkLogInput, RateWorkLogInput, UpdateWorkLogInput, WorkLogFilterInput } from '../resolvers/work-log.inputs';
import { callerOf, type WorklogsContext } from '../worklogs.context';
import { WorklogsErrors } from '../worklogs.errors';
import { dayOf, today } from './days';
import { reachOf, reaches, withinReach, type Reach } from './work-log-reach';

const SOURCE = 'worklogs';
const RESOURCE = 'worklog';
export const WORKLOG_CREATED = 'worklog.created';
export const WORKLOG_UPDATED = 'worklog.updated';
export const WORKLOG_RATED = 'worklog.rated';
/** activity's notification template the rating asks for. */
export const RATED_TEMPLATE = 'worklog.rated';
export const EXPORT_PAGE_MAX = 1000;

/** What the audit trail keeps of a log: its state, not its texts. */
const summaryOf = (log: WorkLog) => ({
  employeeId: log.employeeId,
  logDate: log.logDate,
  completionStatus: log.completionStatus,
  selfRating: log.selfRating,
  supervisorRating: log.supervisorRating,
});

/** The list's and the export's conditions: the caller's reach and the filters. */
function conditions(reach: Reach, filter: WorkLogFilterInput | null | undefined): FilterQuery<WorkLog> {
  const all: Array<FilterQuery<WorkLog>> = [withinReach(reach)];
  if (filter?.employeeId) all.push({ employeeId: filter.employeeId });
  const start = filter?.startDate ? dayOf(filter.startDate, 'startDate') : undefined;
  const end = filter?.endDate ? dayOf(filter.endDate, 'endDate') : undefined;
  if (start && end && end < start) throw WorklogsErrors.dateRange();
  if (start) all.push({ logDate: { $gte: start } });
  if (end) all.push({ logDate: { $lte: end } });
  if (filter?.completionStatus) all.push({ completionStatus: filter.completionStatus });
  return { $and: all };
}

/** A log the caller reaches; another's (another tenant's included) answers NOT_FOUND, exactly as a missing one. */
async function findReachable(ctx: WorklogsContext, id: string, reach: Reach): Promise<WorkLog> {
  const key = parseId(id);
  const log = key === null ? null : await workLogById(ctx).load(key);
  if (!log || !reaches(reach, log.employeeId)) throw WorklogsErrors.workLogNotFound(id);
  return log;
}

export async function findWorkLog(ctx: WorklogsContext, id: string): Promise<WorkLog> {
  return findReachable(ctx, id, await reachOf(ctx));
}

/** Newest day first. */
export async function listWorkLogs(
  ctx: WorklogsContext,
  filter: WorkLogFilterInput | null | undefined,
  paging: PageWindow,
): Promise<Paged<WorkLog>> {
  const where = conditions(await reachOf(ctx), filter);
  const [items, total] = await ctx.em.findAndCount(WorkLog, where, {
    orderBy: { logDate: 'desc', id: 'desc' },
    ...pageWindow(paging),
  });
  return toPage(items, total, paging);
}

/** The export's pages: the list's rows by id ascending after `afterId`, and how many match in all. */
export async function exportPage(
  ctx: WorklogsContext,
  filter: WorkLogFilterInput | null | undefined,
  afterId: string | null | undefined,
  first: number,
): Promise<{ total: number; items: WorkLog[] }> {
  if (!Number.isInteger(first) || first < 1 || first > EXPORT_PAGE_MAX) {
    throw WorklogsErrors.outOfRange('first', 1, EXPORT_PAGE_MAX);
  }
  const after = afterId === null || afterId === undefined ? 0 : parseId(afterId);
  if (after === null) throw WorklogsErrors.invalidId('afterId');
  const where = conditions(await reachOf(ctx), filter);
  const total = await ctx.em.count(WorkLog, where);
  const items = await ctx.em.find(WorkLog, { $and: [where, { id: { $gt: after } }] }, { orderBy: { id: 'asc' }, limit: first });
  return { total, items };
}

/** The caller's own log of a day (default today); a second one for that day is CONFLICT. */
export async function createWorkLog(ctx: WorklogsContext, input: CreateWorkLogInput): Promise<WorkLog> {
  const caller = callerOf(ctx);
  if (caller.tenantId === null) throw WorklogsErrors.noTenant();
  const logDate = input.logDate ? dayOf(input.logDate, 'logDate') : today();
  if (logDate > today()) throw WorklogsErrors.futureDate('logDate');
  const { em } = ctx;
  if (await em.count(WorkLog, { employeeId: caller.userId, logDate })) throw WorklogsErrors.duplicateDay(logDate);
  const log = em.create(WorkLog, {
    tenantId: Number(caller.tenantId),
    employeeId: caller.userId,
    logDate,
    workContent: input.workContent,
    completionStatus: input.completionStatus ?? CompletionStatus.completed,
    problemsEncountered: input.problemsEncountered ?? null,
    tomorrowPlan: input.tomorrowPlan ?? null,
    selfRating: input.selfRating ?? null,
  });
  // A concurrent create of the same day trips the unique index: the same CONFLICT.
  await flushOrConflict(em, () => WorklogsErrors.duplicateDay(logDate));
  recordDomainEvent(ctx, {
    source: SOURCE,
    topic: WORKLOG_CREATED,
    payload: { workLogId: log.id, employeeId: log.employeeId, logDate },
    tenantId: log.tenantId,
    action: 'create',
    resourceType: RESOURCE,
    resourceId: log.id,
    after: summaryOf(log),
    summary: `新增工作日志 ${logDate}`,
  });
  await em.flush();
  return log;
}

/**
 * Holds the log for this transaction while it is still unrated, or answers CONFLICT: a conditional UPDATE, so of two
 * concurrent ratings (or a rating and an edit) the second waits for the first's commit, then finds it rated.
 */
async function holdUnrated(ctx: WorklogsContext, log: WorkLog): Promise<void> {
  if (log.ratedAt) throw WorklogsErrors.rated();
  const held = await ctx.em.nativeUpdate(WorkLog, { id: log.id, ratedAt: null }, { updatedAt: new Date() });
  if (held === 0) throw WorklogsErrors.rated();
}

/** The owner changes their log until it is rated. */
export async function updateWorkLog(ctx: WorklogsContext, id: string, input: UpdateWorkLogInput): Promise<WorkLog> {
  const caller = callerOf(ctx);
  const log = await findWorkLog(ctx, id);
  if (log.employeeId !== caller.userId) throw WorklogsErrors.notOwner();
  await holdUnrated(ctx, log);
  const before = summaryOf(log);
  if (input.workContent) log.workContent = input.workContent;
  if (input.completionStatus) log.completionStatus = input.completionStatus;
  if (input.problemsEncountered !== undefined) log.problemsEncountered = input.problemsEncountered;
  if (input.tomorrowPlan !== undefined) log.tomorrowPlan = input.tomorrowPlan;
  if (input.selfRating !== undefined) log.selfRating = input.selfRating;
  log.updatedAt = new Date();
  recordDomainEvent(ctx, {
    source: SOURCE,
    topic: WORKLOG_UPDATED,
    payload: { workLogId: log.id, employeeId: log.employeeId, logDate: log.logDate },
    tenantId: log.tenantId,
    action: 'update',
    resourceType: RESOURCE,
    resourceId: log.id,
    before,
    after: summaryOf(log),
    summary: `修改工作日志 ${log.logDate}`,
  });
  await ctx.em.flush();
  return log;
}

/**
 * The supervisor (the holder of the parent position of the employee's) or a holder of `worklogs:rate` rates a
 * log once; nobody rates their own. The employee is told through activity (`worklog.rated` notice).
 */
export async function rateWorkLog(ctx: WorklogsContext, id: string, input: RateWorkLogInput): Promise<WorkLog> {
  const caller = callerOf(ctx);
  const reach = await reachOf(ctx);
  const log = await findReachable(ctx, id, reach);
  if (log.employeeId === caller.userId || !(reach.all || reach.reports.has(log.employeeId))) {
    throw WorklogsErrors.notSupervisor();
  }
  await holdUnrated(ctx, log);
  const before = summaryOf(log);
  log.supervisorRating = input.supervisorRating;
  log.supervisorComment = input.supervisorComment ?? null;
  log.supervisorId = caller.userId;
  log.ratedAt = new Date();
  const supervisorName = await displayName(ctx, caller.userId, caller.username);
  recordDomainEvent(ctx, {
    source: SOURCE,
    topic: WORKLOG_RATED,
    payload: { workLogId: log.id, employeeId: log.employeeId, supervisorId: caller.userId, rating: input.supervisorRating },
    tenantId: log.tenantId,
    action: 'rate',
    resourceType: RESOURCE,
    resourceId: log.id,
    before,
    after: summaryOf(log),
    summary: `评分工作日志 ${log.logDate}: ${input.supervisorRating}`,
    notify: {
      recipients: { userIds: [log.employeeId] },
      template: RATED_TEMPLATE,
      // Named as activity's default `worklog.rated` template's placeholders (snake_case, as every template's are).
      params: {
        rating: input.supervisorRating,
        comment: log.supervisorComment ?? '',
        log_date: log.logDate,
        rater: supervisorName,
        worklog_id: log.id,
      },
    },
  });
  await ctx.em.flush();
  return log;
}

/** The name the notice shows: the full name identity announced, else the login id. */
async function displayName(ctx: WorklogsContext, userId: string, fallback: string): Promise<string> {
  const user = await ctx.em.findOne(DirectoryUser, { id: Number(userId) });
  return user?.fullName ?? user?.username ?? fallback;
}
