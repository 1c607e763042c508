import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, intId, intIdParam, isTrue, queryInt } from '../shared/inputs';
import { leads002 } from './leads002.family';
import { bodyFlag, followUp002, lead002, toFollowUp002, toLead002 } from './leads.mappers';
import {
  Leads002AddFollowUpDocument,
  Leads002CreateDocument,
  Leads002DeleteDocument,
  Leads002FollowUpsDocument,
  Leads002LeadDocument,
  Leads002ListDocument,
  Leads002UpdateDocument,
} from './operations.generated';

const VISIBILITY =
  'Visibility (decisions.md § 002): admin every lead of the tenant; service the leads they registered; sales the ' +
  'leads assigned to them; any other role the leads they registered. Another user\'s lead answers 404.';
const LEVEL = z.enum(['高', '中', '低']);
const DATE = z.string().regex(/^\d{4}-\d\d-\d\d$/, 'must be a date like 2024-06-01');
const TIME = z.string().min(1).max(40);
const text = (max: number) => z.string().max(max);
const idParams = z.object({ id: intIdParam });
const leadNotFound = { NOT_FOUND: '未找到该线索' };
/** GraphQL input field → the document's own name, where the snake case of the one is not the other. */
const FIELDS = { followerId: 'current_follower', content: 'follow_up_content', followUpMethod: 'follow_up_method', followUpResult: 'follow_up_result', leadId: 'lead_id' };
const common = { family: leads002, rateLimit: rateLimit.none, auth: true, fieldAliases: FIELDS } as const;
const queryFlag = z.enum(['0', '1']);

/** The follow-up a lead edit may record (§ 1.4) and § 2.1's own fields. */
const followUpFields = {
  follow_up_time: TIME.optional(),
  follow_up_method: text(50).optional(),
  follow_up_result: text(200).optional(),
};

export const leadRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/leads',
    summary: '获取线索列表',
    description: `${VISIBILITY} Newest first. date_from/date_to filter lead_time by whole days in the tenant's zone.`,
    query: z.object({
      page: queryInt(1).default(1),
      page_size: queryInt(1, 100).default(20),
      intention_level: LEVEL.optional(),
      is_deal: queryFlag.optional(),
      is_contacted: queryFlag.optional(),
      keyword: text(100).optional(),
      date_from: DATE.optional(),
      date_to: DATE.optional(),
      customer_nickname: text(100).optional(),
    }),
    response: z.object({ total: z.number().int(), list: z.array(lead002) }),
    operation: Leads002ListDocument,
    variables: ({ query: q }) => ({
      page: q.page,
      pageSize: q.page_size,
      filter: defined({
        intentionLevel: q.intention_level,
        isDeal: q.is_deal === undefined ? undefined : isTrue(q.is_deal),
        isContacted: q.is_contacted === undefined ? undefined : isTrue(q.is_contacted),
        keyword: q.keyword,
        dateFrom: q.date_from,
        dateTo: q.date_to,
        customerNickname: q.customer_nickname,
      }),
    }),
    map: (d) => ({ total: d.leads.total, list: d.leads.items.map((l) => toLead002(l, d.leadsSettings.timeZone)) }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/leads',
    summary: '新增线索',
    description:
      'The registrant (follow_up_person) is the caller. current_follower (a sales user of the tenant: anyone else is a 400 naming it, an unknown user a 404), customer_nickname ' +
      'and intention_level are required; follow_up_content too unless create_follow_up is false. Times are the ' +
      "tenant's wall clock (`2024-06-01 10:00:00`); lead_time defaults to now.",
    body: z.object({
      customer_nickname: text(100).min(1),
      source_platform: text(50).nullable().optional(),
      source_account: text(100).nullable().optional(),
      contact_account: text(100).nullable().optional(),
      lead_time: TIME.nullable().optional(),
      is_contacted: bodyFlag.optional(),
      intention_level: LEVEL,
      is_deal: bodyFlag.optional(),
      deal_date: DATE.nullable().optional(),
      follow_up_content: text(10_000).optional(),
      create_follow_up: z.boolean().optional(),
      current_follower: intId,
      ...followUpFields,
    }),
    response: z.object({ id: z.number().int(), followUpId: z.number().int().nullable(), createdFollowUp: z.boolean() }),
    operation: Leads002CreateDocument,
    variables: ({ body: b }) => ({
      input: defined({
        customerNickname: b.customer_nickname,
        sourcePlatform: b.source_platform ?? undefined,
        sourceAccount: b.source_account ?? undefined,
        contactAccount: b.contact_account ?? undefined,
        leadTime: b.lead_time ?? undefined,
        isContacted: b.is_contacted,
        intentionLevel: b.intention_level,
        isDeal: b.is_deal,
        dealDate: b.deal_date ?? undefined,
        followerId: String(b.current_follower),
        createFollowUp: b.create_follow_up ?? true,
        followUpContent: b.follow_up_content,
        followUpTime: b.follow_up_time,
        followUpMethod: b.follow_up_method,
        followUpResult: b.follow_up_result,
      }),
    }),
    map: (d) => ({
      id: Number(d.createLead.lead.id),
      followUpId: d.createLead.followUp ? Number(d.createLead.followUp.id) : null,
      createdFollowUp: d.createLead.followUp !== null,
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/leads/{id}',
    summary: '获取线索详情',
    description: VISIBILITY,
    params: idParams,
    response: z.object({ data: lead002 }),
    errorMessages: leadNotFound,
    operation: Leads002LeadDocument,
    variables: ({ params }) => ({ id: params.id }),
    map: (d) => ({ data: toLead002(d.lead, d.leadsSettings.timeZone) }),
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/leads/{id}',
    summary: '编辑线索',
    description:
      `${VISIBILITY} follow_up_person never changes; current_follower only when the body sets it (decisions.md § 002), to a sales user of the tenant. ` +
      'A follow-up is recorded only with create_follow_up: true (follow_up_content then required); end_followup: 1 ' +
      'needs end_followup_reason and clears need_followup.',
    params: idParams,
    body: z.object({
      customer_nickname: text(100).min(1).optional(),
      source_platform: text(50).nullable().optional(),
      source_account: text(100).nullable().optional(),
      contact_account: text(100).nullable().optional(),
      lead_time: TIME.optional(),
      is_contacted: bodyFlag.optional(),
      intention_level: LEVEL.optional(),
      is_deal: bodyFlag.optional(),
      deal_date: DATE.nullable().optional(),
      current_follower: intId.optional(),
      create_follow_up: z.boolean().optional(),
      follow_up_content: text(10_000).optional(),
      end_followup: bodyFlag.optional(),
      end_followup_reason: text(500).nullable().optional(),
      ...followUpFields,
    }),
    response: z.object({ updatedLead: z.literal(true), followUpId: z.number().int().nullable(), createdFollowUp: z.boolean() }),
    errorMessages: leadNotFound,
    operation: Leads002UpdateDocument,
    variables: ({ params, body: b }) => ({
      id: params.id,
      input: defined({
        customerNickname: b.customer_nickname,
        sourcePlatform: b.source_platform ?? undefined,
        sourceAccount: b.source_account ?? undefined,
        contactAccount: b.contact_account ?? undefined,
        leadTime: b.lead_time,
        isContacted: b.is_contacted,
        intentionLevel: b.intention_level,
        isDeal: b.is_deal,
        dealDate: b.deal_date,
        followerId: b.current_follower === undefined ? undefined : String(b.current_follower),
        createFollowUp: b.create_follow_up ?? false,
        followUpContent: b.follow_up_content,
        followUpTime: b.follow_up_time,
        followUpMethod: b.follow_up_method,
        followUpResult: b.follow_up_result,
        endFollowup: b.end_followup,
        endFollowupReason: b.end_followup_reason ?? undefined,
      }),
    }),
    map: (d) => ({
      updatedLead: true as const,
      followUpId: d.updateLead.followUp ? Number(d.updateLead.followUp.id) : null,
      createdFollowUp: d.updateLead.followUp !== null,
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'DELETE',
    path: '/api/leads/{id}',
    summary: '删除线索',
    description: `${VISIBILITY} Deletes the lead's follow-ups with it and says how many.`,
    params: idParams,
    response: z.object({ deletedFollowUps: z.number().int() }),
    errorMessages: leadNotFound,
    operation: Leads002DeleteDocument,
    variables: ({ params }) => ({ id: params.id }),
    map: (d) => ({ deletedFollowUps: d.deleteLead.deletedFollowUps }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/followups',
    summary: '新增跟进记录',
    description:
      "Records a follow-up of a lead the caller may see (404 关联的线索不存在 otherwise) and clears its need_followup. " +
      "follow_up_person defaults to the caller's login; follow_up_time to now.",
    body: z.object({
      lead_id: intId,
      follow_up_content: text(10_000).min(1),
      follow_up_person: text(100).optional(),
      ...followUpFields,
    }),
    response: z.object({ id: z.number().int() }),
    errorMessages: { NOT_FOUND: '关联的线索不存在' },
    operation: Leads002AddFollowUpDocument,
    variables: ({ body: b }) => ({
      input: defined({
        leadId: String(b.lead_id),
        content: b.follow_up_content,
        followUpPerson: b.follow_up_person,
        followUpTime: b.follow_up_time,
        followUpMethod: b.follow_up_method,
        followUpResult: b.follow_up_result,
      }),
    }),
    map: (d) => ({ id: Number(d.addFollowUp.id) }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/followups',
    summary: '获取某条线索的跟进记录',
    description: 'Every follow-up of one lead (lead_id, required), newest first by follow_up_time.',
    query: z.object({ lead_id: intIdParam }),
    response: z.object({ list: z.array(followUp002) }),
    errorMessages: leadNotFound,
    operation: Leads002FollowUpsDocument,
    variables: ({ query }) => ({ leadId: query.lead_id }),
    allPages: () => 'followUps',
    map: (d) => ({ list: d.followUps.items.map((f) => toFollowUp002(f, d.leadsSettings.timeZone)) }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/followups/{leadId}',
    summary: '获取某条线索的所有跟进记录（分页）',
    description: 'Newest first by follow_up_time; page_size at most 100.',
    params: z.object({ leadId: intIdParam }),
    query: z.object({ page: queryInt(1).default(1), page_size: queryInt(1, 100).default(20) }),
    response: z.object({
      leadId: z.number().int(),
      total: z.number().int(),
      page: z.number().int(),
      page_size: z.number().int(),
      total_pages: z.number().int(),
      list: z.array(followUp002),
    }),
    errorMessages: leadNotFound,
    operation: Leads002FollowUpsDocument,
    variables: ({ params, query }) => ({ leadId: params.leadId, page: query.page, pageSize: query.page_size }),
    map: (d, { params }) => ({
      leadId: Number(params.leadId),
      total: d.followUps.total,
      page: d.followUps.page,
      page_size: d.followUps.pageSize,
      total_pages: d.followUps.pages,
      list: d.followUps.items.map((f) => toFollowUp002(f, d.leadsSettings.timeZone)),
    }),
  }),
];
