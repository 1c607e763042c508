import { randomUUID } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { forkForTenant, recordDomainEvent, type PtpDueData } from '@platform/kit';
import { DateTime } from 'luxon';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { tenantSettings } from '../../config/services/settings';
import { dayIn } from '../../config/services/tenant-day';
import { Collector } from '../../org/entities/collector.entity';
import { Ptp } from '../entities/ptp.entity';
import { OPEN_PTP_STATUSES } from './ptp.service';
import { addDays } from './times';

export interface PtpCheckResult {
  /** Promises this run broke (their date, plus the tenant's grace days, passed unpaid). */
  broken: number;
  /** Promises this run reminded their collector of. */
  reminded: number;
}

export interface PtpCheckPolicy {
  /** An open promise whose date ends within this many hours is reminded (once). */
  remindHours: number;
  /** Promises looked at per step and run. */
  batchSize?: number;
}

interface TenantCalendar {
  zone: string;
  graceDays: number;
}

/** The furthest-ahead calendar on earth (UTC+14): no tenant's today is later than this day. */
const latestToday = (now: Date) => DateTime.fromJSDate(now, { zone: 'UTC' }).plus({ hours: 14 }).toFormat('yyyy-MM-dd');
/** The furthest-behind calendar (UTC−12): a day before this one has ended for every tenant. */
const earliestToday = (now: Date) => DateTime.fromJSDate(now, { zone: 'UTC' }).minus({ hours: 12 }).toFormat('yyyy-MM-dd');

/**
 * One run of the PTP check, over every tenant: open promises whose date has passed (plus `ptp_grace_days`) become
 * `broken` with `ptp.broken`; open promises coming due get one `ptpDue` reminder (notice + live event) to their
 * collector. Each change is a conditional update (`… WHERE promise_status IN (open)`, `… WHERE due_reminded_at IS
 * NULL`) committed with its outbox event, so several instances checking at once break and remind each promise once.
 */
export async function runPtpCheck(rootEm: EntityManager, policy: PtpCheckPolicy, now = new Date()): Promise<PtpCheckResult> {
  const em = forkForTenant(rootEm, null);
  const calendars = new Map<number, Promise<TenantCalendar>>();
  const calendarOf = (tenantId: number) => {
    let found = calendars.get(tenantId);
    if (!found) {
      found = tenantSettings(em, tenantId).then((s) => ({ zone: s.time_zone, graceDays: s.ptp_grace_days }));
      calendars.set(tenantId, found);
    }
    return found;
  };
  const limit = policy.batchSize ?? 500;
  const broken = await breakOverdue(em, calendarOf, now, limit);
  const reminded = await remindDue(em, calendarOf, policy, now, limit);
  return { broken, reminded };
}

/**
 * Hands every open promise `where` matches to `handle`, a keyset page (by id) at a time, and sums what it answers. The
 * SQL narrows by date only roughly (each tenant's calendar is applied in code): a promise passed over this run (in its
 * grace days, not yet due) must not hold back the ones after it, as one first page would.
 */
async function eachPage(em: EntityManager, where: FilterQuery<Ptp>, limit: number, handle: (page: Ptp[]) => Promise<number>): Promise<number> {
  let after = 0;
  let total = 0;
  for (;;) {
    const page = await em.find(Ptp, { $and: [where, { id: { $gt: after } }] }, { orderBy: { id: 'asc' }, limit });
    if (page.length) total += await handle(page);
    em.clear();
    if (page.length < limit) return total;
    after = page[page.length - 1].id;
  }
}

const open = () => ({ promiseStatus: { $in: [...OPEN_PTP_STATUSES] } });

async function breakOverdue(em: EntityManager, calendarOf: (t: number) => Promise<TenantCalendar>, now: Date, limit: number): Promise<number> {
  return eachPage(em, { ...open(), promiseDate: { $lt: latestToday(now) } }, limit, async (page) => {
    let count = 0;
    for (const ptp of page) {
      const { zone, graceDays } = await calendarOf(ptp.tenantId);
      if (addDays(ptp.promiseDate, graceDays) >= dayIn(zone, now)) continue;
      const changed = await em.transactional(async (tx) => {
        const claimed = await tx.nativeUpdate(Ptp, { id: ptp.id, ...open() }, { promiseStatus: 'broken', expiredAt: now });
        if (claimed !== 1) return false;
        recordDomainEvent({ em: tx, caller: null, requestId: randomUUID() }, {
          source: 'collections',
          topic: 'ptp.broken',
          payload: { ptpId: ptp.id, caseId: ptp.caseId, collectorId: ptp.collectorId ?? null, promiseDate: ptp.promiseDate, promiseAmount: ptp.promiseAmount.toFixed(2), reason: 'overdue' },
          tenantId: ptp.tenantId,
          action: 'update_status',
          resourceType: 'ptp',
          resourceId: ptp.id,
          before: { promiseStatus: ptp.promiseStatus },
          after: { promiseStatus: 'broken', reason: 'overdue' },
        });
        await tx.flush();
        return true;
      });
      if (changed) count++;
    }
    return count;
  });
}

/** Hours from `now` to the end of `day` on the tenant's calendar. */
const hoursLeft = (day: string, zone: string, now: Date) =>
  DateTime.fromISO(day, { zone }).plus({ days: 1 }).diff(DateTime.fromJSDate(now), 'hours').hours;

async function remindDue(em: EntityManager, calendarOf: (t: number) => Promise<TenantCalendar>, policy: PtpCheckPolicy, now: Date, limit: number): Promise<number> {
  const horizon = DateTime.fromJSDate(now, { zone: 'UTC' }).plus({ hours: policy.remindHours + 14 }).toFormat('yyyy-MM-dd');
  // A promise whose day has ended everywhere can no longer be reminded: left out, it is not read run after run.
  const window = { ...open(), dueRemindedAt: null, promiseDate: { $gte: earliestToday(now), $lte: horizon } };
  return eachPage(em, window, limit, (page) => remindPage(em, calendarOf, policy, now, page));
}

async function remindPage(em: EntityManager, calendarOf: (t: number) => Promise<TenantCalendar>, policy: PtpCheckPolicy, now: Date, candidates: Ptp[]): Promise<number> {
  const due: Array<{ ptp: Ptp; hours: number }> = [];
  for (const ptp of candidates) {
    const hours = hoursLeft(ptp.promiseDate, (await calendarOf(ptp.tenantId)).zone, now);
    if (hours > 0 && hours <= policy.remindHours) due.push({ ptp, hours });
  }
  if (!due.length) return 0;
  // One read of the cases and collectors of the promises due, however many there are.
  const [cases, collectors] = await Promise.all([
    em.find(CollectionCase, { id: { $in: [...new Set(due.map((d) => d.ptp.caseId))] } }, { fields: ['id', 'tenantId', 'caseCode'] }),
    em.find(Collector, { id: { $in: [...new Set(due.map((d) => d.ptp.collectorId).filter((id): id is number => !!id))] } }, { fields: ['id', 'tenantId', 'userId'] }),
  ]);
  const caseCode = new Map(cases.map((c) => [c.id, c.caseCode]));
  const userOf = new Map(collectors.map((c) => [c.id, c.userId]));
  let count = 0;
  for (const { ptp, hours } of due) {
    const userId = ptp.collectorId ? userOf.get(ptp.collectorId) : undefined;
    const changed = await em.transactional(async (tx) => {
      const claimed = await tx.nativeUpdate(Ptp, { id: ptp.id, dueRemindedAt: null, ...open() }, { dueRemindedAt: now });
      if (claimed !== 1) return false;
      const code = caseCode.get(ptp.caseId) ?? String(ptp.caseId);
      const amount = ptp.promiseAmount.toFixed(2);
      const live: PtpDueData = { ptpId: ptp.id, caseId: ptp.caseId, caseCode: code, promisedAmount: amount, promisedDate: ptp.promiseDate, dueInHours: Math.round(hours) };
      recordDomainEvent({ em: tx, caller: null, requestId: randomUUID() }, {
        source: 'collections',
        topic: 'ptp.due',
        payload: { ...live, collectorId: ptp.collectorId ?? null },
        tenantId: ptp.tenantId,
        action: 'remind',
        resourceType: 'ptp',
        resourceId: ptp.id,
        after: { dueRemindedAt: now.toISOString() },
        // A promise nobody works (no collector) is marked reminded all the same: there is nobody to tell.
        notify: userId
          ? {
              recipients: { userIds: [userId] },
              template: 'ptp.due',
              params: { case_code: code, promised_amount: amount, promised_date: ptp.promiseDate, case_id: ptp.caseId, ptp_id: ptp.id },
              live: { kind: 'ptpDue', data: { ...live } },
            }
          : undefined,
      });
      await tx.flush();
      return true;
    });
    if (changed) count++;
  }
  return count;
}
