import { z } from 'zod';
import { notFoundError } from '../../framework/rest-error';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, identityText, isTrue, queryBool } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';
import { ccoPage, ccoPageQuery, ccoTime, localTime, tenantParams } from './cco.shapes';
import { type CcoTenantFragment, CcoCreateTenantDocument, CcoDeleteTenantDocument, CcoTenantDocument, CcoTenantsDocument, CcoUpdateTenantDocument } from './operations.generated';

const tenantItem = z.object({
  id: z.number().int(),
  tenant_code: z.string(),
  tenant_name: z.string(),
  tenant_name_en: z.string().nullable(),
  country_code: z.string().nullable(),
  timezone: z.number().int().nullable().describe('UTC offset in hours'),
  currency_code: z.string().nullable(),
  is_active: z.boolean(),
  created_at: localTime,
});
const tenantDetail = tenantItem.extend({ updated_at: localTime });

const toTenantItem = (t: CcoTenantFragment): z.input<typeof tenantItem> => ({
  id: Number(t.id),
  tenant_code: t.code,
  tenant_name: t.name,
  tenant_name_en: t.nameEn,
  country_code: t.countryCode,
  timezone: t.timezone,
  currency_code: t.currencyCode,
  is_active: t.isActive,
  created_at: ccoTime(t.createdAt, t.zone),
});

/** Editable tenant fields (create adds `tenant_code`, which never changes). */
const tenantFields = {
  tenant_name: identityText.name,
  tenant_name_en: identityText.name.nullable().optional(),
  country_code: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code').nullable().optional(),
  timezone: z.number().int().min(-12).max(14).nullable().optional().describe('UTC offset in hours, e.g. 8'),
  currency_code: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code').nullable().optional(),
  is_active: z.boolean().optional(),
};

type TenantFields = { [K in keyof typeof tenantFields]?: z.output<(typeof tenantFields)[K]> };

const tenantInput = (b: TenantFields) =>
  defined({
    name: b.tenant_name,
    nameEn: b.tenant_name_en,
    countryCode: b.country_code,
    timezone: b.timezone,
    currencyCode: b.currency_code,
    isActive: b.is_active,
  });

const FIELDS = {
  code: 'tenant_code',
  name: 'tenant_name',
  nameEn: 'tenant_name_en',
  countryCode: 'country_code',
  currencyCode: 'currency_code',
  isActive: 'is_active',
};
const common = { family: ccoAdmin, rateLimit: rateLimit.none, auth: true, fieldAliases: FIELDS } as const;

export const ccoTenantRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/tenants',
    summary: '获取甲方列表',
    description: 'SuperAdmin: every tenant. TenantAdmin: the same list shape holding only their own tenant.',
    query: z.object({ ...ccoPageQuery, is_active: queryBool.optional().describe('是否启用（可选）') }),
    response: ccoPage(tenantItem),
    operation: CcoTenantsDocument,
    variables: ({ query }) => ({
      isActive: query.is_active === undefined ? undefined : isTrue(query.is_active),
      page: query.page,
      pageSize: query.size,
    }),
    map: (d, { query }) => ({
      total: d.tenants.total,
      page: d.tenants.page,
      size: query.size,
      items: d.tenants.items.map(toTenantItem),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/tenants',
    summary: '创建甲方（仅SuperAdmin）',
    description: 'A tenant_code already in use is 409.',
    body: z.object({
      tenant_code: z.string().min(2).max(32).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ or -'),
      ...tenantFields,
    }),
    response: z.object({ id: z.number().int(), tenant_code: z.string(), created_at: localTime }),
    message: '创建成功',
    operation: CcoCreateTenantDocument,
    variables: ({ body }) => ({ input: { ...tenantInput(body), name: body.tenant_name, code: body.tenant_code } }),
    map: ({ createTenant: t }) => ({
      id: Number(t.id),
      tenant_code: t.code,
      created_at: ccoTime(t.createdAt, t.zone),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/tenants/{tenant_id}',
    summary: '获取甲方详情',
    description: 'Added by decisions.md. The list item plus updated_at. A TenantAdmin may read only their own tenant.',
    params: tenantParams,
    response: tenantDetail,
    operation: CcoTenantDocument,
    variables: ({ params }) => ({ id: params.tenant_id }),
    map: (d) => {
      if (!d.tenant) throw notFoundError('Tenant');
      return { ...toTenantItem(d.tenant), updated_at: ccoTime(d.tenant.updatedAt, d.tenant.zone) };
    },
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/v1/tenants/{tenant_id}',
    summary: '更新甲方',
    description: 'Fields as in create (all optional; only those sent change); tenant_code cannot change and is ignored.',
    params: tenantParams,
    body: z.object({ ...tenantFields, tenant_name: tenantFields.tenant_name.optional() }),
    message: '更新成功',
    operation: CcoUpdateTenantDocument,
    variables: ({ params, body }) => ({ id: params.tenant_id, input: tenantInput(body) }),
    map: () => undefined,
  }),
  graphqlRoute({
    ...common,
    method: 'DELETE',
    path: '/api/v1/tenants/{tenant_id}',
    summary: '删除甲方（软删除）',
    description: 'The document shows no answer: `{code:200, message:"删除成功"}` like update.',
    params: tenantParams,
    message: '删除成功',
    operation: CcoDeleteTenantDocument,
    variables: ({ params }) => ({ id: params.tenant_id }),
    map: (d) => {
      if (!d.deleteTenant) throw notFoundError('Tenant');
    },
  }),
];
