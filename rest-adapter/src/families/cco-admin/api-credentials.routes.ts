import { z } from 'zod';
import { notFoundError } from '../../framework/rest-error';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { intIdParam, pageOf } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';
import { ccoPage, ccoPageQuery, ccoTime, ccoTimeOrNull, localTime, tenantParams } from './cco.shapes';
import { type CcoApiCredentialFragment, CcoApiCredentialsDocument, CcoIssueApiCredentialDocument, CcoRevokeApiCredentialDocument } from './operations.generated';

const credential = z.object({
  id: z.number().int(),
  api_key: z.string(),
  name: z.string().nullable(),
  is_active: z.boolean(),
  last_used_at: localTime.nullable(),
  created_at: localTime,
  revoked_at: localTime.nullable(),
});

const toCredential = (c: CcoApiCredentialFragment): z.input<typeof credential> => ({
  id: Number(c.id),
  api_key: c.apiKey,
  name: c.name,
  is_active: c.isActive,
  last_used_at: ccoTimeOrNull(c.lastUsedAt, c.tenant.zone),
  created_at: ccoTime(c.createdAt, c.tenant.zone),
  revoked_at: ccoTimeOrNull(c.revokedAt, c.tenant.zone),
});

const common = { family: ccoAdmin, rateLimit: rateLimit.none, auth: true } as const;
const WHO = 'SuperAdmin, or the TenantAdmin of that tenant. Added by decisions.md.';

export const ccoApiCredentialRoutes = [
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/tenants/{tenant_id}/api-credentials',
    summary: '创建甲方 API 凭证',
    description: `${WHO} The answer is the only time \`api_secret\` is shown.`,
    params: tenantParams,
    body: z.object({ name: z.string().max(100).optional() }),
    response: credential.extend({ api_secret: z.string() }),
    message: '创建成功',
    operation: CcoIssueApiCredentialDocument,
    variables: ({ params, body }) => ({ tenantId: params.tenant_id, name: body.name }),
    map: ({ issueApiCredential: i }) => ({
      ...toCredential(i.credential),
      api_secret: i.apiSecret,
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/tenants/{tenant_id}/api-credentials',
    summary: '甲方 API 凭证列表',
    description: `${WHO} Revoked keys are listed with is_active false and revoked_at. Secrets are never listed.`,
    params: tenantParams,
    query: z.object(ccoPageQuery),
    response: ccoPage(credential),
    operation: CcoApiCredentialsDocument,
    variables: ({ params }) => ({ tenantId: params.tenant_id }),
    map: (d, { query }) => {
      const { items, total, page, size } = pageOf(d.apiCredentials, query.page, query.size);
      return { total, page, size, items: items.map(toCredential) };
    },
  }),
  graphqlRoute({
    ...common,
    method: 'DELETE',
    path: '/api/v1/tenants/{tenant_id}/api-credentials/{key_id}',
    summary: '撤销甲方 API 凭证',
    description: `${WHO} The key is refused from then on. Answers \`{code:200, message:"删除成功"}\`.`,
    params: tenantParams.extend({ key_id: intIdParam }),
    message: '删除成功',
    operation: CcoRevokeApiCredentialDocument,
    variables: ({ params }) => ({ tenantId: params.tenant_id, id: params.key_id }),
    map: (d) => {
      if (!d.revokeApiCredential) throw notFoundError('API credential');
    },
  }),
];
