import { z } from 'zod';
import type { Headers } from '@platform/kit';
import { graphqlRoute, rateLimit, type Route } from '../../framework/route';
import { ccoPartner } from './cco-partner.family';
import {
  CcoPartnerBusinessRulesDocument,
  CcoPartnerCaseRecallDocument,
  CcoPartnerCaseSettledDocument,
  CcoPartnerFieldMappingDocument,
  CcoPartnerImportCasesDocument,
  CcoPartnerRepaymentDocument,
  CcoPartnerRepaymentNotifyDocument,
  CcoPartnerUpdateCaseStatusDocument,
  type CcoPartnerRepaymentFragment,
  type CcoPartnerStatusChangeFragment,
} from './operations.generated';

/** ISO 8601 without zone, in the tenant's zone (decisions.md: `2025-11-20T08:00:05`). */
const isoTime = z.string().describe('ISO 8601 in the tenant\'s zone, e.g. 2025-11-20T08:00:05');
const partnerTime = (value: string, zone: string) => ccoPartner.time(value, zone);

const header = (headers: Headers, name: string): string => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/**
 * The signed request, forwarded untouched: collections has identity verify it (decisions.md § CCO). The adapter checks
 * nothing itself, so an unsigned request is a 401 before its body is even read (and a bad body of a signed one a 400).
 */
const signed = ({ headers, rawBody }: { headers: Headers; rawBody: string }) => ({
  request: {
    apiKey: header(headers, 'x-api-key'),
    timestamp: header(headers, 'x-timestamp'),
    signature: header(headers, 'x-signature'),
    tenantCode: header(headers, 'x-tenant-code'),
    rawBody,
  },
});

const AUTH = 'Signed by the tenant\'s API key: `X-Api-Key`, `X-Timestamp` (unix seconds, within 300 s), `X-Signature` = hex ' +
  'HMAC-SHA256(api_secret, api_key + timestamp + raw body), `X-Tenant-Code` the key\'s tenant; a replayed signature, a revoked ' +
  'key or any mismatch is a 401 and nothing is applied. `X-Api-Secret` is ignored. 1000 pushes an hour per key (429).';

const common = { family: ccoPartner, rateLimit: rateLimit.none, auth: false } as const;

/** § 2.2's answer, also case-settled's (the document shows none for it). */
const statusAnswer = z.object({ case_code: z.string(), old_status: z.string(), new_status: z.string(), updated_at: isoTime });

const toStatusAnswer = (u: CcoPartnerStatusChangeFragment): z.input<typeof statusAnswer> => ({
  case_code: u.caseCode,
  old_status: u.oldStatus,
  new_status: u.newStatus,
  updated_at: partnerTime(u.updatedAt, u.zone),
});

const repaymentAnswer = z.object({
  repayment_id: z.string(),
  case_code: z.string(),
  repayment_amount: z.number(),
  applied: z.boolean(),
  case_status: z.string(),
  repaid_amount: z.number(),
  outstanding_amount: z.number(),
  received_time: isoTime,
});

const toRepaymentAnswer = (r: CcoPartnerRepaymentFragment): z.input<typeof repaymentAnswer> => ({
  repayment_id: r.repaymentId,
  case_code: r.caseCode,
  repayment_amount: Number(r.repaymentAmount),
  applied: !r.duplicate,
  case_status: r.caseStatus,
  repaid_amount: Number(r.repaidAmount),
  outstanding_amount: Number(r.outstandingAmount),
  received_time: partnerTime(r.receivedAt, r.zone),
});

const REPAYMENT_ANSWER =
  'The document shows no answer body: this one says what the repayment did — `applied` false when the repayment_id ' +
  'had been received before (by /webhook/repayments or /webhook/repayment-notify; nothing changed), the case\'s status, ' +
  'repaid and outstanding amounts after it. An unknown case_code is a 404.';

/** CCO partner pushes (`/api/v1/webhook`, partner §§ 2, 5, 7). */
export const ccoPartnerRoutes: Route[] = [
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/webhook/cases/import',
    summary: '批量推送逾期案件',
    description: `${AUTH} Cases upsert by case_code; a row's problem is listed in errors (the others are imported). A repeated push_batch_no answers the first result and applies nothing.`,
    response: z.object({
      push_batch_no: z.string(),
      received_time: isoTime,
      total: z.number().int(),
      success: z.number().int(),
      failed: z.number().int(),
      errors: z.array(z.object({ case_code: z.string().nullable(), error: z.string() })),
    }),
    message: '接收成功',
    operation: CcoPartnerImportCasesDocument,
    variables: signed,
    map: ({ partnerImportCases: b }) => ({
      push_batch_no: b.pushBatchNo,
      received_time: partnerTime(b.receivedAt, b.zone),
      total: b.total,
      success: b.success,
      failed: b.failed,
      errors: b.errors.map((e) => ({ case_code: e.caseCode, error: e.error })),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/webhook/cases/status-update',
    summary: '案件状态更新推送',
    description: `${AUTH} The admin console's status transitions apply (a final status cannot change: 400 naming case_status). repaid_amount is the case's total repaid after the change; the outstanding amount follows from it (settled clears it); settlement_date dates a settlement (default today). An unknown case_code is a 404.`,
    response: statusAnswer,
    message: '状态更新成功',
    operation: CcoPartnerUpdateCaseStatusDocument,
    variables: signed,
    map: ({ partnerUpdateCaseStatus }) => toStatusAnswer(partnerUpdateCaseStatus),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/webhook/case-settled',
    summary: '案件结清通知',
    description: `${AUTH} The document shows no answer body: this one is § 2.2's (case_code, old_status, new_status, updated_at). The case becomes settled (outstanding 0) on settlement_date; a case already settled is left as it is (a repeated notice); a closed or written-off case is a 400 naming case_status; an unknown case_code a 404.`,
    response: statusAnswer,
    message: '接收成功',
    operation: CcoPartnerCaseSettledDocument,
    variables: signed,
    map: ({ partnerCaseSettled }) => toStatusAnswer(partnerCaseSettled),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/webhook/repayments',
    summary: '还款记录推送',
    description: `${AUTH} ${REPAYMENT_ANSWER}`,
    response: repaymentAnswer,
    message: '接收成功',
    operation: CcoPartnerRepaymentDocument,
    variables: signed,
    map: ({ partnerRepayment }) => toRepaymentAnswer(partnerRepayment),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/webhook/repayment-notify',
    summary: '还款成功通知',
    description: `${AUTH} ${REPAYMENT_ANSWER} transaction_time is the repayment's time.`,
    response: repaymentAnswer,
    message: '接收成功',
    operation: CcoPartnerRepaymentNotifyDocument,
    variables: signed,
    map: ({ partnerRepaymentNotify }) => toRepaymentAnswer(partnerRepaymentNotify),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/webhook/case-recall',
    summary: '案件召回通知',
    description:
      `${AUTH} The document shows no answer body: this one is § 2.2's plus \`recalled\` (false when the case had been recalled before: ` +
      'nothing changed) and `unassigned` (the recall took the case from its collector, who is notified; the assignment history keeps ' +
      'every step, the recall added as an unassign step; the tenant setting case_recall_unassigns false keeps the collector). The case ' +
      'becomes recalled (collection stops; it can later be reopened or closed). A settled, closed or written-off case is a 400 naming ' +
      'case_status; an unknown case_code a 404.',
    response: statusAnswer.extend({ recalled: z.boolean(), unassigned: z.boolean() }),
    message: '接收成功',
    operation: CcoPartnerCaseRecallDocument,
    variables: signed,
    map: ({ partnerCaseRecall: r }) => ({ ...toStatusAnswer(r), recalled: r.recalled, unassigned: r.unassigned }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/webhook/field-mapping',
    summary: '字段映射配置',
    description:
      `${AUTH} Each entry says which partner field (tenant_field_key) carries one of § 2.1's case fields (standard_field_key); later ` +
      '/webhook/cases/import rows are read through the mapping (a row sending the standard name itself keeps that value). An entry ' +
      'replaces the earlier one of its standard field; the answer lists the whole mapping in force. tenant_code, when sent, must be ' +
      'the key\'s tenant; an unknown standard_field_key, or two standard fields read from one partner field, is a 400 naming it. ' +
      'The document shows no answer body: this one is the mapping.',
    response: z.object({
      tenant_code: z.string(),
      mapping_count: z.number().int(),
      mapping_configs: z.array(
        z.object({ standard_field_key: z.string(), tenant_field_key: z.string(), tenant_field_name: z.string().nullable(), data_type: z.string().nullable() }),
      ),
      updated_at: isoTime,
    }),
    message: '配置成功',
    operation: CcoPartnerFieldMappingDocument,
    variables: signed,
    map: ({ partnerConfigureFieldMapping: m }) => ({
      tenant_code: m.tenantCode,
      mapping_count: m.mappingConfigs.length,
      mapping_configs: m.mappingConfigs.map((c) => ({
        standard_field_key: c.standardFieldKey,
        tenant_field_key: c.tenantFieldKey,
        tenant_field_name: c.tenantFieldName,
        data_type: c.dataType,
      })),
      updated_at: partnerTime(m.updatedAt, m.zone),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/webhook/business-rules',
    summary: '业务规则配置',
    description:
      `${AUTH} A rule set replaces the tenant's previous one of its rule_type. rule_type \`queue_assignment\` (the document's): rules ` +
      '`[{queue_code, conditions: {overdue_days_min, overdue_days_max}}]`, stored for the tenant. rule_type `tenant_settings`: rules ' +
      '`[{rule_key, rule_value}]` set the tenant\'s collections settings the platform reads (e.g. penalty_cap_rate, default 0.15; ' +
      'sms_device_verification, default false; the keys of /api/v1/system/config). tenant_code, when sent, must be the key\'s ' +
      'tenant. A bad rule is a 400 naming it (e.g. rules.0.rule_value) and stores nothing. The document shows no answer body: this ' +
      'one says what was stored.',
    response: z.object({ tenant_code: z.string(), rule_type: z.string(), rules_count: z.number().int(), updated_at: isoTime }),
    message: '配置成功',
    operation: CcoPartnerBusinessRulesDocument,
    variables: signed,
    map: ({ partnerConfigureBusinessRules: r }) => ({
      tenant_code: r.tenantCode,
      rule_type: r.ruleType,
      rules_count: r.rulesCount,
      updated_at: partnerTime(r.updatedAt, r.zone),
    }),
  }),
];
