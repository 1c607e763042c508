import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { executeSql, parseId, type Mailer } from '@platform/kit';
import { DateTime } from 'luxon';
import { callerOf, type LeadsContext } from '../leads.context';
import { LeadsErrors } from '../leads.errors';
import { DEFAULT_INTERVAL_DAYS, INTENTION_LEVELS, type IntentionLevel } from '../entities/intention-level';
import { Lead } from '../entities/lead.entity';
import { RemindConfig } from '../entities/remind-config.entity';
import { RemindRecipient } from '../entities/remind-recipient.entity';
import { loadLatest } from '../loaders/latest-follow-up.loader';
import type { OverdueLead, ReminderCheck } from '../resolvers/results.types';
import { tenantZone } from './tenant-zone';

const DAY_MS = 86_400_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The tenant's intervals, one per level; the defaults (高 1, 中 3, 低 5 days) are written on first use. */
export async function remindConfigs(em: EntityManager, tenantId: number): Promise<RemindConfig[]> {
  const rows = await em.find(RemindConfig, { tenantId });
  const missing = INTENTION_LEVELS.filter((level) => !rows.some((row) => row.intentionLevel === level));
  if (missing.length) {
    // The unique key (tenant, level) keeps two first readers at once from writing two sets.
    for (const level of missing) {
      rows.push(em.create(RemindConfig, { tenantId, intentionLevel: level, intervalDays: DEFAULT_INTERVAL_DAYS[level] }));
    }
    await em.flush();
  }
  return INTENTION_LEVELS.map((level) => rows.find((row) => row.intentionLevel === level)!);
}

export async function updateRemindConfig(ctx: LeadsContext, level: string, intervalDays: number): Promise<RemindConfig> {
  if (!(INTENTION_LEVELS as readonly string[]).includes(level)) throw LeadsErrors.invalid('level', 'level must be 高, 中 or 低');
  if (!Number.isInteger(intervalDays) || intervalDays < 1 || intervalDays > 365) {
    throw LeadsErrors.invalid('intervalDays', 'intervalDays must be a whole number of days from 1 to 365');
  }
  const tenantId = Number(callerOf(ctx).tenantId);
  const configs = await remindConfigs(ctx.em, tenantId);
  const config = configs.find((c) => c.intentionLevel === level)!;
  config.intervalDays = intervalDays;
  config.updatedAt = ctx.services.clock.now();
  await ctx.em.flush();
  return config;
}

export const listRecipients = (ctx: LeadsContext) =>
  ctx.em.find(RemindRecipient, { tenantId: Number(callerOf(ctx).tenantId) }, { orderBy: { id: 'asc' } });

export async function addRecipient(ctx: LeadsContext, email: string): Promise<RemindRecipient> {
  const tenantId = Number(callerOf(ctx).tenantId);
  const address = email.trim().toLowerCase();
  if (address.length > 200 || !EMAIL.test(address)) throw LeadsErrors.invalid('email', 'email must be an e-mail address');
  if (await ctx.em.count(RemindRecipient, { tenantId, email: address })) throw LeadsErrors.duplicateRecipient(address);
  const recipient = ctx.em.create(RemindRecipient, { tenantId, email: address });
  await ctx.em.flush();
  return recipient;
}

export async function deleteRecipient(ctx: LeadsContext, id: string): Promise<boolean> {
  const key = parseId(id);
  if (key === null) throw LeadsErrors.invalidId('id');
  const recipient = await ctx.em.findOne(RemindRecipient, { id: key });
  if (!recipient) throw LeadsErrors.recipientNotFound(id);
  await ctx.em.remove(recipient).flush();
  return true;
}

/** The manual check (`trigger-check`): the caller's tenant, now. */
export async function triggerCheck(ctx: LeadsContext): Promise<ReminderCheck> {
  const tenantId = Number(callerOf(ctx).tenantId);
  return runCheck(ctx.em, ctx.services.mailer, { tenantId, zone: await tenantZone(ctx), now: ctx.services.clock.now() });
}

/**
 * Finds the tenant's leads whose last follow-up (or lead time, without one) is older than their level's interval,
 * ended leads excluded; marks them due (need_followup = 1); e-mails the list to every recipient (one message);
 * answers the list. Shared by the manual trigger and the daily run.
 */
export async function runCheck(
  em: EntityManager,
  mailer: Mailer,
  opts: { tenantId: number; zone: string; now: Date },
): Promise<ReminderCheck> {
  const { tenantId, zone, now } = opts;
  const configs = await remindConfigs(em, tenantId);
  const days = Object.fromEntries(configs.map((c) => [c.intentionLevel, c.intervalDays])) as Record<IntentionLevel, number>;
  const overdue = await overdueLeads(em, tenantId, now, days);
  const latest = await loadLatest(em, overdue.map((row) => row.id));
  const overdueList: OverdueLead[] = overdue.map((row, i) => ({
    leadId: String(row.id),
    customerNickname: row.customerNickname,
    intentionLevel: row.intentionLevel,
    lastFollowUpTime: row.last,
    followUpPerson: latest[i]?.followUpPerson ?? row.registrantId,
    overdueDays: Math.floor((now.getTime() - row.last.getTime()) / DAY_MS),
    configDays: days[row.intentionLevel as IntentionLevel],
  }));
  if (overdue.length) await em.nativeUpdate(Lead, { id: { $in: overdue.map((row) => row.id) } }, { needFollowup: true });
  const recipients = await em.find(RemindRecipient, { tenantId }, { orderBy: { id: 'asc' } });
  const emailList = recipients.map((r) => r.email);
  // 002: overdue leads are mailed to the recipients; without recipients (or overdue leads) the check only answers.
  if (emailList.length && overdueList.length) await mailer.send(reminderMail(emailList, overdueList, zone, now));
  return { overdueCount: overdueList.length, overdueList, emailList, timeZone: zone };
}

interface OverdueRow {
  id: number;
  customerNickname: string;
  intentionLevel: string;
  registrantId: string;
  last: Date;
}

/** One grouped statement: each open lead with its last follow-up time, kept when older than its level allows. */
async function overdueLeads(em: EntityManager, tenantId: number, now: Date, days: Record<IntentionLevel, number>): Promise<OverdueRow[]> {
  const sql = em as SqlEntityManager;
  const date = (d: Date) => sql.getPlatform().processDateProperty(d) as unknown;
  const cutoff = (level: IntentionLevel) => date(new Date(now.getTime() - days[level] * DAY_MS));
  const rows = await executeSql(
    em,
    `select l.id, l.customer_nickname, l.intention_level, l.registrant_id, l.lead_time, max(f.follow_up_time) as last_follow_up
       from customer_lead l left join follow_up_record f on f.lead_id = l.id
      where l.tenant_id = ? and l.end_followup = ?
      group by l.id, l.customer_nickname, l.intention_level, l.registrant_id, l.lead_time
     having coalesce(max(f.follow_up_time), l.lead_time) <
            case l.intention_level when '高' then ? when '中' then ? else ? end
      order by l.id`,
    [tenantId, 0, cutoff('高'), cutoff('中'), cutoff('低')],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    customerNickname: String(row.customer_nickname),
    intentionLevel: String(row.intention_level),
    registrantId: String(row.registrant_id),
    last: toDate(row.last_follow_up ?? row.lead_time),
  }));
}

/** A datetime column read raw: a Date (MariaDB) or epoch milliseconds (libSQL). */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  const text = String(value);
  return /^\d+$/.test(text) ? new Date(Number(text)) : new Date(text.includes('T') || text.endsWith('Z') ? text : `${text.replace(' ', 'T')}Z`);
}

function reminderMail(to: string[], list: OverdueLead[], zone: string, now: Date) {
  const local = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm:ss');
  const lines = list.map(
    (o) =>
      `#${o.leadId} ${o.customerNickname}（${o.intentionLevel}）最后跟进 ${local(o.lastFollowUpTime)}，跟进人 ${o.followUpPerson}，` +
      `已超期 ${o.overdueDays} 天（规定 ${o.configDays} 天）`,
  );
  return {
    to,
    subject: `跟进超期提醒：${list.length} 条线索（${DateTime.fromJSDate(now, { zone }).toFormat('yyyy-MM-dd')}）`,
    text: `以下线索已超过跟进期限：\n\n${lines.join('\n')}\n`,
  };
}
