import type { FilterQuery } from '@mikro-orm/core';
import { checkForeignRef, containingText, pageWindow, parseId, toPage, type Paged } from '@platform/kit';
import { callerOf, type LeadsContext } from '../leads.context';
import { LeadsErrors } from '../leads.errors';
import { FollowUp } from '../entities/follow-up.entity';
import { KnownUser } from '../entities/known-user.entity';
import { Lead } from '../entities/lead.entity';
import type { CreateLeadInput, LeadFilter, UpdateLeadInput } from '../resolvers/lead.inputs';
import type { CreateLeadResult, DeleteLeadResult, UpdateLeadResult } from '../resolvers/results.types';
import type { PageWindow } from '@platform/kit';
import { recordFollowUp } from './follow-up.service';
import { leadSnapshot, recordLeadEvent } from './lead-audit';
import { countLead, moveInTally, tallyKeyOf } from './lead-tally';
import { visibleLeads } from './lead-visibility';
import { parseLocalDate, parseLocalTime, tenantZone } from './tenant-zone';

/** A lead the caller may see; anything else (missing, another's, another tenant's) is NOT_FOUND. */
export async function findVisibleLead(ctx: LeadsContext, id: string, field = 'id'): Promise<Lead> {
  const key = parseId(id);
  if (key === null) throw LeadsErrors.invalidId(field);
  const lead = await ctx.em.findOne(Lead, { $and: [{ id: key }, visibleLeads(callerOf(ctx))] });
  if (!lead) throw LeadsErrors.leadNotFound(id);
  return lead;
}

export async function listLeads(ctx: LeadsContext, filter: LeadFilter | undefined, paging: PageWindow): Promise<Paged<Lead>> {
  const where: Array<FilterQuery<Lead>> = [visibleLeads(callerOf(ctx))];
  if (filter) where.push(...(await filterConditions(ctx, filter)));
  const [items, total] = await ctx.em.findAndCount(Lead, { $and: where }, {
    orderBy: { createdAt: 'desc', id: 'desc' },
    ...pageWindow(paging),
  });
  return toPage(items, total, paging);
}

async function filterConditions(ctx: LeadsContext, filter: LeadFilter): Promise<Array<FilterQuery<Lead>>> {
  const out: Array<FilterQuery<Lead>> = [];
  if (filter.intentionLevel) out.push({ intentionLevel: filter.intentionLevel });
  if (filter.isDeal != null) out.push({ isDeal: filter.isDeal });
  if (filter.isContacted != null) out.push({ isContacted: filter.isContacted });
  if (filter.keyword) out.push({ $or: containingText<Lead>(['customerNickname', 'contactAccount', 'sourceAccount'], filter.keyword) });
  if (filter.customerNickname) out.push({ $or: containingText<Lead>(['customerNickname'], filter.customerNickname) });
  if (filter.dateFrom || filter.dateTo) {
    const zone = await tenantZone(ctx);
    // Whole local days: from the start of dateFrom to the end of dateTo, in the tenant's zone.
    if (filter.dateFrom) out.push({ leadTime: { $gte: parseLocalDate(filter.dateFrom, zone, 'dateFrom').toJSDate() } });
    if (filter.dateTo) out.push({ leadTime: { $lt: parseLocalDate(filter.dateTo, zone, 'dateTo').plus({ days: 1 }).toJSDate() } });
  }
  return out;
}

export async function createLead(ctx: LeadsContext, input: CreateLeadInput): Promise<CreateLeadResult> {
  const caller = callerOf(ctx);
  const tenantId = Number(caller.tenantId);
  const zone = await tenantZone(ctx);
  const now = ctx.services.clock.now();
  // Everything is checked before anything is written: bad input changes nothing.
  if (input.createFollowUp && !input.followUpContent) throw LeadsErrors.followUpContentRequired();
  const leadTime = input.leadTime ? parseLocalTime(input.leadTime, zone, 'leadTime') : now;
  const followUpTime = input.followUpTime ? parseLocalTime(input.followUpTime, zone, 'followUpTime') : now;
  await checkFollower(ctx, input.followerId, tenantId);

  const lead = ctx.em.create(Lead, {
    tenantId,
    customerNickname: input.customerNickname.trim(),
    sourcePlatform: input.sourcePlatform ?? null,
    sourceAccount: input.sourceAccount ?? null,
    contactAccount: input.contactAccount ?? null,
    leadTime,
    isContacted: input.isContacted ?? false,
    intentionLevel: input.intentionLevel,
    registrantId: caller.userId,
    followerId: input.followerId,
    isDeal: input.isDeal ?? false,
    dealDate: input.dealDate ?? null,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.em.flush(); // the id the follow-up and the events name
  await countLead(ctx.em, lead, 1);
  recordLeadEvent(ctx, lead, 'create', { after: leadSnapshot(lead) });
  const followUp = input.createFollowUp
    ? await recordFollowUp(ctx, lead, {
        followUpTime,
        content: input.followUpContent!,
        method: input.followUpMethod,
        result: input.followUpResult,
      })
    : null;
  return { lead, followUp };
}

export async function updateLead(ctx: LeadsContext, id: string, input: UpdateLeadInput): Promise<UpdateLeadResult> {
  const lead = await findVisibleLead(ctx, id);
  const zone = await tenantZone(ctx);
  const now = ctx.services.clock.now();
  if (input.createFollowUp && !input.followUpContent) throw LeadsErrors.followUpContentRequired();
  if (input.endFollowup === true && !input.endFollowupReason) throw LeadsErrors.endReasonRequired();
  const leadTime = input.leadTime ? parseLocalTime(input.leadTime, zone, 'leadTime') : undefined;
  const followUpTime = input.followUpTime ? parseLocalTime(input.followUpTime, zone, 'followUpTime') : now;
  // The follower changes only when the body names one (decisions.md § 002).
  if (input.followerId !== undefined && input.followerId !== null && input.followerId !== lead.followerId) {
    await checkFollower(ctx, input.followerId, lead.tenantId);
  }

  const before = leadSnapshot(lead);
  const tallied = tallyKeyOf(lead);
  const wasEnded = lead.endFollowup;
  assignDefined(lead, {
    customerNickname: input.customerNickname?.trim(),
    sourcePlatform: input.sourcePlatform,
    sourceAccount: input.sourceAccount,
    contactAccount: input.contactAccount,
    leadTime,
    isContacted: input.isContacted ?? undefined,
    intentionLevel: input.intentionLevel,
    isDeal: input.isDeal ?? undefined,
    followerId: input.followerId ?? undefined,
  });
  if (input.dealDate !== undefined) lead.dealDate = input.dealDate;
  if (input.endFollowup === true) {
    lead.endFollowup = true;
    lead.endFollowupReason = input.endFollowupReason!;
    lead.needFollowup = false; // an ended lead is no longer reminded
  } else if (input.endFollowup === false) {
    lead.endFollowup = false;
    lead.endFollowupReason = null;
  }
  lead.updatedAt = now;
  await ctx.em.flush();
  await moveInTally(ctx.em, tallied, tallyKeyOf(lead));
  recordLeadEvent(ctx, lead, 'update', { before, after: leadSnapshot(lead) });
  if (lead.endFollowup && !wasEnded) {
    recordLeadEvent(ctx, lead, 'end_follow_up', { before, after: leadSnapshot(lead), detail: lead.endFollowupReason ?? '' });
  }
  const followUp = input.createFollowUp
    ? await recordFollowUp(ctx, lead, {
        followUpTime,
        content: input.followUpContent!,
        method: input.followUpMethod,
        result: input.followUpResult,
      })
    : null;
  return { lead, followUp };
}

export async function deleteLead(ctx: LeadsContext, id: string): Promise<DeleteLeadResult> {
  const lead = await findVisibleLead(ctx, id);
  const before = leadSnapshot(lead);
  const deletedFollowUps = await ctx.em.nativeDelete(FollowUp, { leadId: lead.id });
  recordLeadEvent(ctx, lead, 'delete', { before, detail: `删除跟进记录 ${deletedFollowUps} 条` });
  await ctx.em.remove(lead).flush();
  await countLead(ctx.em, lead, -1);
  return { id: String(before.id), deletedFollowUps };
}

/**
 * A lead's follower is a user of the lead's tenant (identity announces them; missing, removed or another tenant's
 * is NOT_FOUND) who holds the sales role (002: 分配给哪个销售跟进; anyone else is BAD_USER_INPUT naming followerId).
 */
async function checkFollower(ctx: LeadsContext, followerId: string, tenantId: number): Promise<void> {
  await checkForeignRef(ctx, 'User', followerId, { tenantId });
  const user = await ctx.em.findOne(KnownUser, { userId: followerId });
  if (!user?.sales) throw LeadsErrors.followerNotSales(followerId);
}

/** Sets the fields that are given; `undefined` leaves a field as it is, `null` clears a nullable one. */
function assignDefined(lead: Lead, values: Partial<Record<keyof Lead, unknown>>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (lead as unknown as Record<string, unknown>)[key] = value;
  }
}
