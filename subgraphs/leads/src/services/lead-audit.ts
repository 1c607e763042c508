import { recordDomainEvent } from '@platform/kit';
import type { LeadsContext } from '../leads.context';
import type { FollowUp } from '../entities/follow-up.entity';
import type { Lead } from '../entities/lead.entity';

export type LeadAction = 'create' | 'update' | 'delete' | 'follow_up' | 'end_follow_up';

/** The lead's documented fields in 002's own names, as the log route shows them (before / after). */
export function leadSnapshot(lead: Lead): Record<string, unknown> {
  return {
    id: lead.id,
    customer_nickname: lead.customerNickname,
    source_platform: lead.sourcePlatform ?? null,
    source_account: lead.sourceAccount ?? null,
    contact_account: lead.contactAccount ?? null,
    lead_time: lead.leadTime.toISOString(),
    is_contacted: lead.isContacted ? 1 : 0,
    intention_level: lead.intentionLevel,
    follow_up_person: lead.registrantId,
    current_follower: Number(lead.followerId),
    is_deal: lead.isDeal ? 1 : 0,
    deal_date: lead.dealDate ?? null,
    need_followup: lead.needFollowup ? 1 : 0,
    end_followup: lead.endFollowup ? 1 : 0,
    end_followup_reason: lead.endFollowupReason ?? null,
  };
}

export function followUpSnapshot(followUp: FollowUp): Record<string, unknown> {
  return {
    id: followUp.id,
    lead_id: followUp.leadId,
    follow_up_time: followUp.followUpTime.toISOString(),
    follow_up_method: followUp.method ?? null,
    follow_up_content: followUp.content,
    follow_up_result: followUp.result ?? null,
    follow_up_person: followUp.followUpPerson,
  };
}

const SUMMARY: Record<LeadAction, string> = {
  create: '新增线索',
  update: '编辑线索',
  delete: '删除线索',
  follow_up: '新增跟进',
  end_follow_up: '终结跟进',
};

/** Records a lead change for activity's audit trail (GET /api/logs), in the mutation's transaction. */
export function recordLeadEvent(
  ctx: LeadsContext,
  lead: Lead,
  action: LeadAction,
  change: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null; detail?: string },
): void {
  recordDomainEvent(ctx, {
    source: 'leads',
    topic: `lead.${action}`,
    payload: { leadId: lead.id },
    tenantId: lead.tenantId,
    action,
    resourceType: 'lead',
    resourceId: lead.id,
    before: change.before ?? null,
    after: change.after ?? null,
    summary: `${SUMMARY[action]} ${lead.customerNickname}${change.detail ? `：${change.detail}` : ''}`,
  });
}
