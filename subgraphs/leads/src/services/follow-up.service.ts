import { pageWindow, toPage, type Paged, type PageWindow } from '@platform/kit';
import { callerOf, type LeadsContext } from '../leads.context';
import { FollowUp } from '../entities/follow-up.entity';
import type { Lead } from '../entities/lead.entity';
import type { AddFollowUpInput } from '../resolvers/lead.inputs';
import { followUpSnapshot, recordLeadEvent } from './lead-audit';
import { findVisibleLead } from './lead.service';
import { parseLocalTime, tenantZone } from './tenant-zone';

export interface FollowUpValues {
  followUpTime: Date;
  content: string;
  method?: string | null;
  result?: string | null;
  followUpPerson?: string | null;
}

/** Records a follow-up of a lead: the lead is then no longer due (need_followup = 0), and the log says so. */
export async function recordFollowUp(ctx: LeadsContext, lead: Lead, values: FollowUpValues): Promise<FollowUp> {
  const caller = callerOf(ctx);
  const now = ctx.services.clock.now();
  const followUp = ctx.em.create(FollowUp, {
    tenantId: lead.tenantId,
    leadId: lead.id,
    followUpTime: values.followUpTime,
    method: values.method ?? null,
    content: values.content,
    result: values.result ?? null,
    followUpPerson: values.followUpPerson ?? caller.username,
    recordedById: caller.userId,
    createdAt: now,
    updatedAt: now,
  });
  lead.needFollowup = false;
  lead.updatedAt = now;
  await ctx.em.flush();
  recordLeadEvent(ctx, lead, 'follow_up', { after: followUpSnapshot(followUp), detail: values.content.slice(0, 100) });
  return followUp;
}

export async function addFollowUp(ctx: LeadsContext, input: AddFollowUpInput): Promise<FollowUp> {
  const lead = await findVisibleLead(ctx, input.leadId, 'leadId');
  const zone = await tenantZone(ctx);
  const followUpTime = input.followUpTime ? parseLocalTime(input.followUpTime, zone, 'followUpTime') : ctx.services.clock.now();
  return recordFollowUp(ctx, lead, {
    followUpTime,
    content: input.content,
    method: input.followUpMethod,
    result: input.followUpResult,
    followUpPerson: input.followUpPerson,
  });
}

/** A visible lead's follow-ups, newest first by follow-up time (then id). */
export async function listFollowUps(ctx: LeadsContext, leadId: string, paging: PageWindow): Promise<Paged<FollowUp>> {
  const lead = await findVisibleLead(ctx, leadId, 'leadId');
  const [items, total] = await ctx.em.findAndCount(FollowUp, { leadId: lead.id }, {
    orderBy: { followUpTime: 'desc', id: 'desc' },
    ...pageWindow(paging),
  });
  return toPage(items, total, paging);
}
