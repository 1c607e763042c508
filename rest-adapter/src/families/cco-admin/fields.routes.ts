import { z } from 'zod';
import { graphqlRoute, rateLimit } from '../../framework/route';
import { buildTree } from '../shared/tree';
import { defined, intId, intIdParam, isTrue, queryBool } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';
import { ccoFieldMessages } from './cco.shapes';
import {
  type CcoFieldDisplayFragment,
  CcoFieldDisplayDocument,
  CcoFieldGroupsDocument,
  CcoReorderStandardFieldsDocument,
  CcoSetFieldDisplayDocument,
  CcoStandardFieldsDocument,
} from './operations.generated';

const SCENES = ['admin_case_list', 'admin_case_detail', 'collector_case_list', 'collector_case_detail', 'export'] as const;
const DATA_TYPES = ['String', 'Integer', 'Decimal', 'Date', 'Datetime', 'Boolean', 'Enum'] as const;
const COLORS = ['normal', 'red', 'orange', 'yellow', 'green', 'blue', 'gray'] as const;

const standardField = z.object({
  id: z.number().int(),
  field_key: z.string(),
  field_name: z.string(),
  field_name_en: z.string().nullable(),
  field_type: z.string(),
  field_group_id: z.number().int().nullable(),
  field_group_name: z.string().nullable(),
  is_required: z.boolean(),
  is_extended: z.boolean(),
  sort_order: z.number().int(),
  is_active: z.boolean(),
});

interface GroupNode {
  id: number;
  group_key: string;
  group_name: string;
  group_name_en: string | null;
  parent_id: number | null;
  children: GroupNode[];
  field_count: number;
}
const fieldGroup: z.ZodType<GroupNode> = z.lazy(() =>
  z.object({
    id: z.number().int(),
    group_key: z.string(),
    group_name: z.string(),
    group_name_en: z.string().nullable(),
    parent_id: z.number().int().nullable(),
    children: z.array(fieldGroup),
    field_count: z.number().int(),
  }),
);

const displayField = z.object({
  field_key: z.string(),
  field_name: z.string(),
  field_data_type: z.string(),
  field_source: z.enum(['standard', 'custom']),
  sort_order: z.number().int(),
  display_width: z.number().int().nullable(),
  color_type: z.string(),
  is_searchable: z.boolean(),
  is_filterable: z.boolean(),
  is_range_searchable: z.boolean(),
});
const displayList = z.object({ scene_type: z.string(), items: z.array(displayField) });

const toDisplayField = (f: CcoFieldDisplayFragment): z.input<typeof displayField> => ({
  field_key: f.fieldKey,
  field_name: f.fieldName,
  field_data_type: f.fieldDataType,
  field_source: f.fieldSource as 'standard' | 'custom',
  sort_order: f.sortOrder,
  display_width: f.displayWidth ?? null,
  color_type: f.colorType,
  is_searchable: f.isSearchable,
  is_filterable: f.isFilterable,
  is_range_searchable: f.isRangeSearchable,
});

const common = { family: ccoAdmin, rateLimit: rateLimit.none, auth: true, errorMessages: ccoFieldMessages } as const;
const sceneType = z.enum(SCENES).describe(`场景类型: ${SCENES.join(', ')}`);

export const ccoFieldRoutes = [
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/fields/standard',
    summary: '获取标准字段列表',
    description:
      'The platform\'s standard case fields (the same for every tenant), in sort_order, as the document\'s `{items}` (a ' +
      'bounded reference list: no paging). Filters field_group_id and is_active. Admin-console roles (fields:view).',
    query: z.object({ field_group_id: intIdParam.optional().describe('字段分组ID'), is_active: queryBool.optional().describe('是否启用') }),
    response: z.object({ items: z.array(standardField) }),
    operation: CcoStandardFieldsDocument,
    variables: ({ query }) =>
      defined({ fieldGroupId: query.field_group_id, isActive: query.is_active === undefined ? undefined : isTrue(query.is_active) }),
    map: ({ standardFields }) => ({
      items: standardFields.map((f) => ({
        id: Number(f.id),
        field_key: f.fieldKey,
        field_name: f.fieldName,
        field_name_en: f.fieldNameEn ?? null,
        field_type: f.fieldType,
        field_group_id: f.fieldGroupId == null ? null : Number(f.fieldGroupId),
        field_group_name: f.fieldGroupName ?? null,
        is_required: f.isRequired,
        is_extended: f.isExtended,
        sort_order: f.sortOrder,
        is_active: f.isActive,
      })),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'PUT',
    path: '/api/v1/fields/standard/order',
    summary: '更新字段排序',
    description:
      'Puts the listed standard fields in this order: the field at position i gets sort_order i (from 1); fields not ' +
      'listed keep theirs. Every id must be a standard field and appear once (else 400 naming field_ids, nothing ' +
      'changes). Standard fields are platform-wide: SuperAdmin only (others 403). The document shows no answer.',
    body: z.object({ field_ids: z.array(intId).min(1).max(1000) }),
    message: '更新成功',
    operation: CcoReorderStandardFieldsDocument,
    variables: ({ body }) => ({ fieldIds: body.field_ids.map(String) }),
    map: () => undefined,
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/field-groups',
    summary: '获取字段分组',
    description:
      'The field groups as a tree: top-level groups in sort order, each with its `children` nested the same way; ' +
      'field_count is the number of standard fields in the group (counted in SQL).',
    response: z.object({ items: z.array(fieldGroup) }),
    operation: CcoFieldGroupsDocument,
    map: ({ fieldGroups }) => ({
      items: buildTree(fieldGroups, (g, children: GroupNode[]): GroupNode => ({
        id: Number(g.id),
        group_key: g.groupKey,
        group_name: g.groupName,
        group_name_en: g.groupNameEn ?? null,
        parent_id: g.parentId == null ? null : Number(g.parentId),
        children,
        field_count: g.fieldCount,
      })),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'POST',
    path: '/api/v1/field-display/batch',
    summary: '甲方字段展示配置',
    description:
      'Replaces the tenant\'s whole configuration of one scene with `fields`, in one transaction. field_key must be a ' +
      'standard field (field_source standard, the default) or a key of the cases\' custom_fields (field_source custom, ' +
      'letters, digits and _, not a standard key); no key twice. sort_order defaults to the position (1, 2, …). Errors ' +
      'are 400 naming the field and change nothing. tenant_id: required for SuperAdmin; a TenantAdmin configures their ' +
      'own tenant (another is 403). The document shows no answer: data is the scene\'s configuration as GET answers it.',
    body: z.object({
      tenant_id: intId.optional(),
      scene_type: sceneType,
      fields: z
        .array(
          z.object({
            field_key: z.string().min(1).max(100),
            field_name: z.string().trim().min(1).max(100),
            field_data_type: z.enum(DATA_TYPES).optional(),
            field_source: z.enum(['standard', 'custom']).optional(),
            sort_order: z.number().int().min(0).max(100_000).optional(),
            display_width: z.number().int().min(1).max(2000).nullable().optional(),
            color_type: z.enum(COLORS).optional(),
            is_searchable: z.boolean().optional(),
            is_filterable: z.boolean().optional(),
            is_range_searchable: z.boolean().optional(),
          }),
        )
        .max(500),
    }),
    response: displayList,
    message: '保存成功',
    operation: CcoSetFieldDisplayDocument,
    variables: ({ body }) => ({
      input: defined({
        tenantId: body.tenant_id === undefined ? undefined : String(body.tenant_id),
        sceneType: body.scene_type,
        fields: body.fields.map((f) =>
          defined({
            fieldKey: f.field_key,
            fieldName: f.field_name,
            fieldDataType: f.field_data_type,
            fieldSource: f.field_source,
            sortOrder: f.sort_order,
            displayWidth: f.display_width,
            colorType: f.color_type,
            isSearchable: f.is_searchable,
            isFilterable: f.is_filterable,
            isRangeSearchable: f.is_range_searchable,
          }),
        ),
      }),
    }),
    map: ({ setFieldDisplay }, { body }) => ({
      scene_type: body.scene_type,
      items: setFieldDisplay.map(toDisplayField),
    }),
  }),
  graphqlRoute({
    ...common,
    method: 'GET',
    path: '/api/v1/field-display',
    summary: '获取甲方字段展示配置',
    description:
      'The tenant\'s configuration of one scene (scene_type, required), in sort_order: `{scene_type, items}`, ' +
      'items empty when never configured. tenant_id: required for SuperAdmin; others read their own tenant (another is 404).',
    query: z.object({ tenant_id: intIdParam.optional().describe('甲方ID'), scene_type: sceneType }),
    response: displayList,
    operation: CcoFieldDisplayDocument,
    variables: ({ query }) => defined({ tenantId: query.tenant_id, sceneType: query.scene_type }),
    map: ({ fieldDisplay }, { query }) => ({
      scene_type: query.scene_type,
      items: fieldDisplay.map(toDisplayField),
    }),
  }),
];
