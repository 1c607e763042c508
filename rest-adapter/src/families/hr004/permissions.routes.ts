import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { idString } from '../shared/inputs';
import { hr004 } from './hr004.family';
import { pathId } from './hr004.shapes';
import { HrAssignPermissionsDocument, HrRolePermissionsDocument, type HrRolePermissionsFragment } from './operations.generated';


const rolePermissions = z.object({
  role_id: z.string(),
  role: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  permissions: z.array(
    z.object({ menu_id: z.string(), menu_code: z.string(), menu_name: z.string(), actions: z.array(z.string()) }),
  ),
  permission_codes: z.array(z.string()).describe('menu code + ":" + action, e.g. employees:create'),
});

const toRolePermissions = (p: HrRolePermissionsFragment): z.input<typeof rolePermissions> => ({
  role_id: p.role.id,
  role: { id: p.role.id, name: p.role.name, code: p.role.code },
  permissions: p.grants.map((g) => ({ menu_id: g.menu.id, menu_code: g.menu.code, menu_name: g.menu.name, actions: g.actions })),
  permission_codes: p.permissions,
});

const SHAPE =
  'The document shows no answer: `data` repeats the request shape (`role_id`, `permissions[{menu_id, actions}]`) ' +
  'with the menu code and name, plus the resulting `permission_codes`.';

const common = { family: hr004, rateLimit: rateLimit.normal, auth: true } as const;

export const hrPermissionRoutes = [
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/permissions/assign',
    summary: '分配角色权限 (roles:update)',
    description: `Replaces the role's menu grants; action \`create\` on menu \`employees\` is the permission employees:create. ${SHAPE}`,
    body: z.object({
      role_id: idString,
      permissions: z.array(
        z.object({ menu_id: idString, actions: z.array(z.string().regex(/^[a-z_]+$/, 'must be an action name')).max(50) }),
      ),
    }),
    response: rolePermissions,
    operation: HrAssignPermissionsDocument,
    fieldAliases: { grants: 'permissions' },
    variables: ({ body }) => ({
      roleId: body.role_id,
      grants: body.permissions.map((p) => ({ menuId: p.menu_id, actions: p.actions })),
    }),
    map: (d) => toRolePermissions(d.assignPermissions),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/permissions/role/{role_id}',
    summary: '查询角色权限 (roles:view)',
    description: SHAPE,
    params: z.object({ role_id: pathId }),
    response: rolePermissions,
    operation: HrRolePermissionsDocument,
    variables: ({ params }) => ({ roleId: params.role_id }),
    map: (d) => toRolePermissions(d.rolePermissions),
  }),
];
