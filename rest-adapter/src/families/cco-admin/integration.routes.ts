import { isIP } from 'node:net';
import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';
import { ccoFieldMessages, ccoPage, ccoPageQuery, ccoTime, ccoTimeOrNull, localTime, tenantParams } from './cco.shapes';
import { type CcoTenantIntegrationFragment, CcoIntegrationDeliveriesDocument, CcoSetTenantIntegrationDocument } from './operations.generated';

const httpUrl = z
  .string()
  .max(500)
  .refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol), 'must be an http(s) URL');

/** An IPv4/IPv6 address or a CIDR block (`203.0.113.0/24`). */
const whitelistEntry = z.string().refine((v) => {
  const [address, prefix, extra] = v.trim().split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}, 'must be an IP address or CIDR block');

const text = (max: number) => z.string().trim().min(1).max(max);

const outboundAuthBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hmac'), api_key: text(200), api_secret: text(500) }),
  z.object({ type: z.literal('oauth2'), token_url: httpUrl, client_id: text(200), client_secret: text(500), scope: text(200).optional() }),
]);

const integration = z.object({
  tenant_id: z.number().int(),
  core_base_url: z.string(),
  ip_whitelist: z.array(z.string()),
  outbound_auth: z.object({
    type: z.enum(['hmac', 'oauth2']),
    api_key: z.string().nullable(),
    token_url: z.string().nullable(),
    client_id: z.string().nullable(),
    scope: z.string().nullable(),
  }),
  updated_at: localTime,
});

const toIntegration = (i: CcoTenantIntegrationFragment): z.input<typeof integration> => ({
  tenant_id: Number(i.tenantId),
  core_base_url: i.coreBaseUrl,
  ip_whitelist: i.ipWhitelist,
  outbound_auth: {
    type: i.outboundAuth.type as 'hmac' | 'oauth2',
    api_key: i.outboundAuth.apiKey,
    token_url: i.outboundAuth.tokenUrl,
    client_id: i.outboundAuth.clientId,
    scope: i.outboundAuth.scope,
  },
  updated_at: ccoTime(i.updatedAt, i.zone),
});

const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

const delivery = z.object({
  id: z.number().int(),
  case_id: z.number().int(),
  case_code: z.string(),
  kind: z.enum(['communication', 'ptp', 'result', 'case_status']),
  target_path: z.string(),
  body: z.record(z.string(), z.unknown()),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  next_attempt_at: localTime.nullable(),
  last_error: z.string().nullable(),
  delivered_at: localTime.nullable(),
  created_at: localTime,
});

const common = { family: ccoAdmin, rateLimit: rateLimit.none, auth: true, errorMessages: ccoFieldMessages } as const;
const WHO = 'SuperAdmin, or the TenantAdmin of that tenant (another tenant: 403 on PUT, 404 on GET; a collector: 403). Added by decisions.md.';

export const ccoIntegrationRoutes = [
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/v1/tenants/{tenant_id}/integration',
    summary: '设置甲方核心系统对接',
    description:
      `${WHO} Sets (replaces) how the platform reaches the tenant's core system: \`core_base_url\` (the partner ` +
      'document\'s tenant_base_url), `ip_whitelist` (addresses and CIDR blocks the tenant\'s pushes may come from; ' +
      'empty or absent allows every address) and `outbound_auth`: `{type:"hmac", api_key, api_secret}` (our calls ' +
      'signed as partner § 1.1) or `{type:"oauth2", token_url, client_id, client_secret, scope?}` (client ' +
      'credentials). Secrets are stored encrypted and never answered. A bad field is 400 naming it and changes nothing.',
    params: tenantParams,
    body: z.object({
      core_base_url: httpUrl,
      ip_whitelist: z.array(whitelistEntry).max(100).optional(),
      outbound_auth: outboundAuthBody,
    }),
    response: integration,
    message: '更新成功',
    operation: CcoSetTenantIntegrationDocument,
    variables: ({ params, body }) => ({
      tenantId: params.tenant_id,
      input: {
        coreBaseUrl: body.core_base_url,
        ipWhitelist: body.ip_whitelist ?? [],
        outboundAuth:
          body.outbound_auth.type === 'hmac'
            ? { type: 'hmac', apiKey: body.outbound_auth.api_key, apiSecret: body.outbound_auth.api_secret }
            : {
                type: 'oauth2',
                tokenUrl: body.outbound_auth.token_url,
                clientId: body.outbound_auth.client_id,
                clientSecret: body.outbound_auth.client_secret,
                scope: body.outbound_auth.scope ?? null,
              },
      },
    }),
    map: ({ setTenantIntegration }) => toIntegration(setTenantIntegration),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/tenants/{tenant_id}/integration/deliveries',
    summary: '甲方回写投递记录',
    description:
      `${WHO} The write-backs to the tenant's core system (partner § 4: communication, ptp, result, case_status), ` +
      'newest first, with their delivery state: `pending` (waiting for its first or next try at next_attempt_at), ' +
      '`delivered`, or `failed` (refused by the core system, or out of attempts); `attempts` and `last_error` say ' +
      'how it went. `status` filters.',
    params: tenantParams,
    query: z.object({ ...ccoPageQuery, status: z.enum(DELIVERY_STATUSES).optional().describe('pending / delivered / failed') }),
    response: ccoPage(delivery),
    operation: CcoIntegrationDeliveriesDocument,
    variables: ({ params, query }) => defined({ tenantId: params.tenant_id, status: query.status, page: query.page, pageSize: query.size }),
    map: ({ integrationDeliveries: d }) => ({
      total: d.total,
      page: d.page,
      size: d.pageSize,
      items: d.items.map((i) => ({
        id: Number(i.id),
        case_id: Number(i.caseId),
        case_code: i.caseCode,
        kind: i.kind as z.input<typeof delivery>['kind'],
        target_path: i.targetPath,
        body: i.body,
        status: i.status as (typeof DELIVERY_STATUSES)[number],
        attempts: i.attempts,
        next_attempt_at: ccoTimeOrNull(i.nextAttemptAt, d.zone),
        last_error: i.lastError,
        delivered_at: ccoTimeOrNull(i.deliveredAt, d.zone),
        created_at: ccoTime(i.createdAt, d.zone),
      })),
    }),
  }),
];
