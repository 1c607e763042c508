import { z } from 'zod';
import { notFoundError } from '../../framework/rest-error';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, identityText, idString, isTrue, optionalText, queryBool } from '../shared/inputs';
import { hr004 } from './hr004.family';
import { idParams, pageOf } from './hr004.shapes';
import { menu, menuNode, toMenu, toMenuTree } from './menus.mappers';
import { HrCreateMenuDocument, HrDeleteMenuDocument, HrMenusDocument, HrMyMenusDocument, HrUpdateMenuDocument } from './operations.generated';

const common = { family: hr004, rateLimit: rateLimit.normal, auth: true } as const;
const SILENT =
  'The document lists only the path; fields follow the menu model (name, code, path, icon, parent_id, ' +
  'sort_order, permission, is_visible) in the conventions of the positions section.';

const menuFields = {
  name: identityText.name,
  path: optionalText,
  icon: optionalText,
  parent_id: idString.nullable().optional(),
  sort_order: z.number().int().optional(),
  permission: optionalText.describe('The permission code that shows the menu, e.g. employees:view'),
  is_visible: z.boolean().optional(),
};

type MenuFields = { [K in keyof typeof menuFields]?: z.output<(typeof menuFields)[K]> };

const menuInput = (body: MenuFields) =>
  defined({
    name: body.name,
    path: body.path,
    icon: body.icon,
    parentId: body.parent_id,
    sortOrder: body.sort_order,
    permission: body.permission,
    isVisible: body.is_visible,
  });

export const hrMenuRoutes = [
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/menus',
    summary: '创建菜单 (menus:create)',
    description: `${SILENT} Grants on the menu are the permission codes \`<code>:<action>\`. Answers 201 with the menu.`,
    status: 201,
    body: z.object({ ...menuFields, code: identityText.code }),
    response: menu,
    operation: HrCreateMenuDocument,
    variables: ({ body }) => ({ input: { ...menuInput(body), name: body.name, code: body.code } }),
    map: (d) => toMenu(d.createMenu),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/menus',
    summary: '查询菜单列表 (menus:view)',
    description:
      `${SILENT} Without \`tree\`: the 004 page of the tenant's menus ordered by sort_order (page_size defaults ` +
      'to 100). With `tree=true`: `data` is the array of root menus with nested `children`, as GET /positions?tree=true.',
    query: z.object({
      tree: queryBool.optional(),
      page: z.coerce.number().int().min(1).default(1),
      page_size: z.coerce.number().int().min(1).max(100).default(100),
    }),
    response: z.union([pageOf(menu), z.array(menuNode)]),
    operation: HrMenusDocument,
    map: (d, { query }) => {
      if (isTrue(query.tree)) return toMenuTree(d.menus);
      const start = (query.page - 1) * query.page_size;
      return {
        items: d.menus.slice(start, start + query.page_size).map(toMenu),
        total: d.menus.length,
        page: query.page,
        page_size: query.page_size,
        pages: Math.ceil(d.menus.length / query.page_size),
      };
    },
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/menus/user',
    summary: '查询用户菜单',
    description: "The caller's menus (those whose permission the caller holds) as a tree by parent_id, ordered by sort_order.",
    response: z.array(menuNode),
    operation: HrMyMenusDocument,
    map: (d) => toMenuTree(d.myMenus),
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/menus/{id}',
    summary: '更新菜单信息 (menus:update)',
    description: `${SILENT} Only the fields sent change (code cannot change); answers the menu.`,
    params: idParams,
    body: z.object({ ...menuFields, name: menuFields.name.optional() }),
    response: menu,
    operation: HrUpdateMenuDocument,
    variables: ({ params, body }) => ({ id: params.id, input: menuInput(body) }),
    map: (d) => toMenu(d.updateMenu),
  }),
  graphqlRoute({
    ...common,
    method: 'DELETE',
    path: '/api/menus/{id}',
    summary: '删除菜单 (menus:delete)',
    description: 'Answers 204 like the other 004 deletes.',
    params: idParams,
    status: 204,
    operation: HrDeleteMenuDocument,
    variables: ({ params }) => ({ id: params.id }),
    map: (d) => {
      if (!d.deleteMenu) throw notFoundError('Menu');
    },
  }),
];
