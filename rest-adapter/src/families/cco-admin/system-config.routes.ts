import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, intId, intIdParam } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';
import { ccoFieldMessages } from './cco.shapes';
import { type CcoSettingsFragment, CcoSystemConfigDocument, CcoUpdateSystemConfigDocument } from './operations.generated';

const STRATEGIES = ['balanced', 'performance', 'specialty'] as const;

/** Each setting's rule (the subgraph checks the same ranges; these name the REST field first). */
const settingFields = {
  penalty_cap_rate: z.number().min(0).max(1).describe('罚息上限（本金的比例）; default 0.15 (decisions.md)'),
  default_auto_assign_strategy: z.enum(STRATEGIES).describe('自动分案默认策略; default balanced'),
  idle_threshold_minutes: z.number().int().min(1).max(1440).describe('空闲判定分钟数; default 30'),
  max_cases_per_collector: z.number().int().min(1).max(100_000).describe('新催员默认最大案件数; default 150'),
  ptp_grace_days: z.number().int().min(0).max(30).describe('PTP 逾期宽限天数; default 0'),
  ptp_max_days: z.number().int().min(1).max(365).describe('PTP 承诺日期最远天数（自今天起）; default 30'),
  case_recall_unassigns: z.boolean().describe('召回案件时是否解除分配; default true'),
  sms_device_verification: z.boolean().describe('新设备登录短信验证; default false (decisions.md)'),
  currency_code: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code').describe('币种; default PHP'),
};

const settings = z.object({
  tenant_id: z.number().int(),
  ...settingFields,
  time_zone: z.string().describe('IANA zone of the tenant (identity\'s tenant); default UTC; read-only here'),
});

const toSettings = (s: CcoSettingsFragment): z.input<typeof settings> => ({
  tenant_id: s.tenantId,
  penalty_cap_rate: s.penaltyCapRate,
  default_auto_assign_strategy: s.defaultAutoAssignStrategy as (typeof STRATEGIES)[number],
  idle_threshold_minutes: s.idleThresholdMinutes,
  max_cases_per_collector: s.maxCasesPerCollector,
  ptp_grace_days: s.ptpGraceDays,
  ptp_max_days: s.ptpMaxDays,
  case_recall_unassigns: s.caseRecallUnassigns,
  sms_device_verification: s.smsDeviceVerification,
  currency_code: s.currencyCode,
  time_zone: s.timeZone,
});

const common = { family: ccoAdmin, rateLimit: rateLimit.none, auth: true, errorMessages: ccoFieldMessages } as const;
const KEYS =
  'The document lists only the paths; the settings are the tenant\'s collections business rules, each with its default ' +
  '(what a tenant that never set it gets): penalty_cap_rate 0.15 (the repayment calculator\'s cap, decisions.md), ' +
  'default_auto_assign_strategy balanced, idle_threshold_minutes 30 (idle monitor), max_cases_per_collector 150 (a new ' +
  'collector\'s capacity), ptp_grace_days 0 (days before an unpaid PTP is broken), ptp_max_days 30 (how far ahead a PTP\'s date may lie), case_recall_unassigns true, ' +
  'sms_device_verification false (decisions.md), currency_code PHP, time_zone UTC (read-only: the tenant\'s zone from ' +
  'the tenant itself). ';

export const ccoSystemConfigRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/system/config',
    summary: '获取系统配置',
    description: `${KEYS}Answers every key. tenant_id: required for SuperAdmin; others read their own tenant (another is 404). TenantAdmin and AgencyAdmin (system_config:view); others 403.`,
    query: z.object({ tenant_id: intIdParam.optional().describe('甲方ID（SuperAdmin）') }),
    response: settings,
    operation: CcoSystemConfigDocument,
    variables: ({ query }) => defined({ tenantId: query.tenant_id }),
    map: ({ collectionsSettings }) => toSettings(collectionsSettings),
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/v1/system/config',
    summary: '更新系统配置',
    description:
      `${KEYS}Send the keys to change; the others keep their value. An unknown key, time_zone, a wrong type or a value ` +
      'out of range is 400 naming it and changes nothing. Answers every key after the change. tenant_id: required for ' +
      'SuperAdmin; a TenantAdmin updates their own tenant (another is 403). TenantAdmin (system_config:update); an ' +
      'AgencyAdmin only reads (403).',
    body: z
      .object({
        tenant_id: intId.optional(),
        ...Object.fromEntries(Object.entries(settingFields).map(([k, v]) => [k, v.optional()])) as {
          [K in keyof typeof settingFields]: z.ZodOptional<(typeof settingFields)[K]>;
        },
        time_zone: z.never({ error: 'is read-only: the tenant\'s zone is set on the tenant' }).optional(),
      })
      .catchall(z.never({ error: 'is not a system setting' })),
    response: settings,
    message: '更新成功',
    operation: CcoUpdateSystemConfigDocument,
    variables: ({ body }) => ({
      tenantId: body.tenant_id === undefined ? undefined : String(body.tenant_id),
      input: defined({
        penaltyCapRate: body.penalty_cap_rate,
        defaultAutoAssignStrategy: body.default_auto_assign_strategy,
        idleThresholdMinutes: body.idle_threshold_minutes,
        maxCasesPerCollector: body.max_cases_per_collector,
        ptpGraceDays: body.ptp_grace_days,
        ptpMaxDays: body.ptp_max_days,
        caseRecallUnassigns: body.case_recall_unassigns,
        smsDeviceVerification: body.sms_device_verification,
        currencyCode: body.currency_code,
      }),
    }),
    map: ({ updateCollectionsSettings }) => toSettings(updateCollectionsSettings),
  }),
];
