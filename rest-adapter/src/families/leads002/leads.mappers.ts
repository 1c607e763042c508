import { localDateTime } from '@platform/kit';
import { z } from 'zod';
import { leads002 } from './leads002.family';
import type { FollowUp002Fragment, Lead002Fragment } from './operations.generated';

const flag = z.union([z.literal(0), z.literal(1)]);
const bit = (value: boolean) => (value ? 1 : 0);

/** A 002 lead as its § 1.2 table shows it: local `yyyy-MM-dd HH:mm:ss` lead time (the tenant's zone), 0/1 flags. */
export const lead002 = z.object({
  id: z.number().int(),
  customer_nickname: z.string(),
  source_platform: z.string().nullable(),
  source_account: z.string().nullable(),
  contact_account: z.string().nullable(),
  lead_time: z.string().describe('2025-07-19 10:00:00'),
  is_contacted: flag,
  intention_level: z.string(),
  follow_up_person: z.string().describe('the registrant user id, as a string'),
  is_deal: flag,
  deal_date: z.string().nullable(),
  need_followup: flag,
  end_followup: flag,
  end_followup_reason: z.string().nullable(),
  current_follower: z.object({ id: z.number().int(), nickname: z.string().nullable(), username: z.string() }),
  created_at: z.string().describe('2025-07-19T10:00:00.000Z'),
  updated_at: z.string(),
  latest_follow_up: z.object({ follow_up_time: z.string(), follow_up_content: z.string() }).nullable(),
});

export const toLead002 = (l: Lead002Fragment, zone: string): z.input<typeof lead002> => ({
  id: Number(l.id),
  customer_nickname: l.customerNickname,
  source_platform: l.sourcePlatform,
  source_account: l.sourceAccount,
  contact_account: l.contactAccount,
  lead_time: localTime(l.leadTime, zone),
  is_contacted: bit(l.isContacted),
  intention_level: l.intentionLevel,
  follow_up_person: l.registrantId,
  is_deal: bit(l.isDeal),
  deal_date: l.dealDate,
  need_followup: bit(l.needFollowup),
  end_followup: bit(l.endFollowup),
  end_followup_reason: l.endFollowupReason,
  current_follower: { id: Number(l.follower.id), nickname: l.follower.nickname, username: l.follower.username },
  created_at: leads002.time(l.createdAt),
  updated_at: leads002.time(l.updatedAt),
  latest_follow_up: l.latestFollowUp
    ? { follow_up_time: localTime(l.latestFollowUp.followUpTime, zone), follow_up_content: l.latestFollowUp.content }
    : null,
});

/** A follow-up record as § 2.3 shows it, every time local. */
export const followUp002 = z.object({
  id: z.number().int(),
  lead_id: z.number().int(),
  follow_up_time: z.string().describe('2024-06-05 15:30:00'),
  follow_up_method: z.string().nullable(),
  follow_up_content: z.string(),
  follow_up_result: z.string().nullable(),
  follow_up_person: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const toFollowUp002 = (f: FollowUp002Fragment, zone: string): z.input<typeof followUp002> => ({
  id: Number(f.id),
  lead_id: Number(f.leadId),
  follow_up_time: localTime(f.followUpTime, zone),
  follow_up_method: f.method,
  follow_up_content: f.content,
  follow_up_result: f.result,
  follow_up_person: f.followUpPerson,
  created_at: localTime(f.createdAt, zone),
  updated_at: localTime(f.updatedAt, zone),
});

export const localTime = (iso: string, zone: string) => localDateTime(new Date(iso), zone);

/** 0/1 in a body (002's own), true/false accepted too. */
export const bodyFlag = z.union([z.literal(0), z.literal(1), z.boolean()]).transform((v) => v === true || v === 1);
