import { z } from 'zod';
import { notFoundError } from '../../framework/rest-error';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, identityText, optionalText } from '../shared/inputs';
import { hr004 } from './hr004.family';
import { idParams, isoTime, pageOf, pageQuery, time, toPage } from './hr004.shapes';
import { type HrRoleFieldsFragment, HrCreateRoleDocument, HrDeleteRoleDocument, HrRoleDocument, HrRolesDocument, HrUpdateRoleDocument } from './operations.generated';

const common = { family: hr004, rateLimit: rateLimit.normal, auth: true } as const;
const SILENT = 'The document lists only the path; fields follow the role model in the conventions of the positions section.';
const permissionCode = z.string().regex(/^[\w-]+:[\w-]+$|^\*$/, 'must be a permission code resource:action');

const role = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  permissions: z.array(z.string()),
  user_count: z.number().int(),
  created_at: isoTime,
  updated_at: isoTime,
});

const toRole = (r: HrRoleFieldsFragment): z.input<typeof role> => ({
  id: r.id,
  code: r.code,
  name: r.name,
  description: r.description,
  permissions: r.permissions,
  user_count: r.userCount,
  created_at: time(r.createdAt),
  updated_at: time(r.updatedAt),
});

export const hrRoleRoutes = [
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/roles',
    summary: '创建角色 (roles:create)',
    description: `${SILENT} Answers 201 with the role.`,
    status: 201,
    body: z.object({
      code: identityText.code,
      name: identityText.name,
      description: optionalText,
      permissions: z.array(permissionCode).max(500).optional(),
    }),
    response: role,
    operation: HrCreateRoleDocument,
    variables: ({ body }) => ({
      input: defined({ code: body.code, name: body.name, description: body.description ?? undefined, permissions: body.permissions }),
    }),
    map: (d) => toRole(d.createRole),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/roles',
    summary: '查询角色列表 (roles:view)',
    description: `${SILENT} The 004 page; \`search\` matches name or code.`,
    query: z.object({ ...pageQuery, search: z.string().optional() }),
    response: pageOf(role),
    operation: HrRolesDocument,
    variables: ({ query }) => ({ page: query.page, pageSize: query.page_size, search: query.search }),
    map: (d) => toPage(d.roles, toRole),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/roles/{id}',
    summary: '查询角色详情 (roles:view)',
    description: SILENT,
    params: idParams,
    response: role,
    operation: HrRoleDocument,
    variables: ({ params }) => ({ id: params.id }),
    map: (d) => {
      if (!d.role) throw notFoundError('Role');
      return toRole(d.role);
    },
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/roles/{id}',
    summary: '更新角色信息 (roles:update)',
    description: `${SILENT} Only the fields sent change (code cannot change); answers the role.`,
    params: idParams,
    body: z.object({
      name: identityText.name.optional(),
      description: optionalText,
      permissions: z.array(permissionCode).max(500).optional(),
    }),
    response: role,
    operation: HrUpdateRoleDocument,
    variables: ({ params, body }) => ({
      id: params.id,
      input: defined({ name: body.name, description: body.description, permissions: body.permissions }),
    }),
    map: (d) => toRole(d.updateRole),
  }),
  graphqlRoute({
    ...common,
    method: 'DELETE',
    path: '/api/roles/{id}',
    summary: '删除角色 (roles:delete)',
    description: 'Answers 204. A role still held by users is refused (400 BUSINESS_001).',
    params: idParams,
    status: 204,
    operation: HrDeleteRoleDocument,
    variables: ({ params }) => ({ id: params.id }),
    map: (d) => {
      if (!d.deleteRole) throw notFoundError('Role');
    },
  }),
];
