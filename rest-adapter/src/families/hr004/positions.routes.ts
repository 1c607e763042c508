import { z } from 'zod';
import { notFoundError } from '../../framework/rest-error';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { defined, identityText, idString, isTrue, optionalText, queryBool } from '../shared/inputs';
import { hr004 } from './hr004.family';
import { idParams, pageOf, toPage } from './hr004.shapes';
import { HrCreatePositionDocument, HrDeletePositionDocument, HrMovePositionDocument, HrPositionDocument, HrPositionsDocument, HrUpdatePositionDocument } from './operations.generated';
import {
  createdPosition,
  positionDetail,
  positionItem,
  positionNode,
  toCreatedPosition,
  toPositionDetail,
  toPositionItem,
  toPositionTree,
} from './positions.mappers';

const common = { family: hr004, rateLimit: rateLimit.normal, auth: true } as const;

export const hrPositionRoutes = [
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/positions',
    summary: '创建岗位 (positions:create)',
    description: '`department` (optional) is accepted as the employee detail shows it on the position.',
    status: 201,
    body: z.object({
      name: identityText.name,
      code: identityText.code,
      description: optionalText,
      level: identityText.level,
      department: optionalText,
      parent_id: idString.nullable().optional().describe('可选，上级岗位ID'),
    }),
    response: createdPosition,
    operation: HrCreatePositionDocument,
    variables: ({ body }) => ({
      input: defined({
        name: body.name,
        code: body.code,
        description: body.description ?? undefined,
        level: body.level,
        department: body.department ?? undefined,
        parentId: body.parent_id ?? undefined,
      }),
    }),
    map: (d) => toCreatedPosition(d.createPosition),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/positions',
    summary: '查询岗位列表 (positions:view)',
    description:
      'Without `tree`: the 004 page `{items, total, page, page_size, pages}` (page_size defaults to 100 here, ' +
      'since the document shows the whole list). With `tree=true`: `data` is the array of root positions, each ' +
      'with nested `children`, built from every matching position; a position whose parent is filtered out is a root.',
    query: z.object({
      tree: queryBool.optional().describe('是否返回树形结构（true/false，默认 false）'),
      level: z.coerce.number().int().min(1).optional(),
      parent_id: idString.optional(),
      search: z.string().optional().describe('搜索关键词（岗位名称、编码）'),
      page: z.coerce.number().int().min(1).default(1),
      page_size: z.coerce.number().int().min(1).max(100).default(100),
    }),
    response: z.union([pageOf(positionItem), z.array(positionNode)]),
    operation: HrPositionsDocument,
    variables: ({ query }) => ({
      filter: defined({ level: query.level, parentId: query.parent_id, search: query.search }),
      page: query.page,
      pageSize: query.page_size,
    }),
    allPages: ({ query }) => (isTrue(query.tree) ? 'positions' : undefined),
    map: (d, { query }) =>
      isTrue(query.tree) ? toPositionTree(d.positions.items) : toPage(d.positions, toPositionItem),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/positions/{id}',
    summary: '查询岗位详情 (positions:view)',
    params: idParams,
    response: positionDetail,
    operation: HrPositionDocument,
    variables: ({ params }) => ({ id: params.id }),
    map: (d) => {
      if (!d.position) throw notFoundError('Position');
      return toPositionDetail(d.position);
    },
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/positions/{id}',
    summary: '更新岗位信息 (positions:update)',
    description: 'Only the fields sent change. The document shows no answer: this returns the position as GET /positions/{id} does.',
    params: idParams,
    body: z.object({
      name: identityText.name.optional(),
      description: optionalText,
      level: identityText.level.optional(),
      department: optionalText,
      parent_id: idString.nullable().optional(),
    }),
    response: positionDetail,
    operation: HrUpdatePositionDocument,
    variables: ({ params, body }) => ({
      id: params.id,
      input: defined({
        name: body.name,
        description: body.description,
        level: body.level,
        department: body.department,
        parentId: body.parent_id,
      }),
    }),
    map: (d) => toPositionDetail(d.updatePosition),
  }),
  graphqlRoute({
    ...common,
    method: 'DELETE',
    path: '/api/positions/{id}',
    summary: '删除岗位 (positions:delete)',
    description: 'A position that still has employees or child positions is refused (400 BUSINESS_001).',
    params: idParams,
    status: 204,
    operation: HrDeletePositionDocument,
    variables: ({ params }) => ({ id: params.id }),
    map: (d) => {
      if (!d.deletePosition) throw notFoundError('Position');
    },
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/positions/{id}/move',
    summary: '岗位层级操作 (positions:update)',
    description:
      '`new_parent_id` is required: null moves the position to the root. A move under its own descendant is ' +
      'refused (400 BUSINESS_001). The document shows no answer: this returns the moved position as GET /positions/{id} does.',
    params: idParams,
    body: z.object({
      new_parent_id: idString.nullable().describe('null 表示移动到根级别'),
      new_level: identityText.level.optional(),
    }),
    response: positionDetail,
    operation: HrMovePositionDocument,
    variables: ({ params, body }) => ({ id: params.id, newParentId: body.new_parent_id, newLevel: body.new_level }),
    map: (d) => toPositionDetail(d.movePosition),
  }),
];
