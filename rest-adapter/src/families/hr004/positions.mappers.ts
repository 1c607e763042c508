import { z } from 'zod';
import type { HrCreatePositionMutation, HrPositionDetailFragment, HrPositionsQuery } from './operations.generated';

type PositionItem = HrPositionsQuery['positions']['items'][number];
import { buildTree } from '../shared/tree';
import { isoTime, ref, time } from './hr004.shapes';

export const createdPosition = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  description: z.string().nullable(),
  level: z.number().int(),
  parent_id: z.string().nullable(),
  parent: ref.nullable(),
  created_at: isoTime,
});

export const positionItem = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  level: z.number().int(),
  parent: ref.nullable(),
  employee_count: z.number().int(),
  children_count: z.number().int(),
});

export interface PositionNode {
  id: string;
  name: string;
  code: string;
  level: number;
  employee_count: number;
  children: PositionNode[];
}

export const positionNode: z.ZodType<PositionNode> = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  level: z.number().int(),
  employee_count: z.number().int(),
  get children() {
    return z.array(positionNode);
  },
}).meta({ id: 'HrPositionNode' });

export const positionDetail = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  description: z.string().nullable(),
  level: z.number().int(),
  parent_id: z.string().nullable(),
  parent: ref.extend({ full_path: z.string() }).nullable(),
  children: z.array(ref),
  employees: z.array(z.object({ id: z.string(), full_name: z.string().nullable(), username: z.string() })),
  full_path: z.string().describe('CEO > 技术总监 > 高级开发工程师'),
  created_at: isoTime,
  updated_at: isoTime,
});

const parentRef = (p: { parent: { id: string; name: string } | null }) => (p.parent ? { id: p.parent.id, name: p.parent.name } : null);

export const toCreatedPosition = (p: HrCreatePositionMutation['createPosition']): z.input<typeof createdPosition> => ({
  id: p.id,
  name: p.name,
  code: p.code,
  description: p.description,
  level: p.level,
  parent_id: p.parentId,
  parent: parentRef(p),
  created_at: time(p.createdAt),
});

export const toPositionItem = (p: PositionItem): z.input<typeof positionItem> => ({
  id: p.id,
  name: p.name,
  code: p.code,
  level: p.level,
  parent: parentRef(p),
  employee_count: p.employeeCount,
  children_count: p.childrenCount,
});

export const toPositionTree = (rows: PositionItem[]): PositionNode[] =>
  buildTree(rows, (p, children) => ({
    id: p.id,
    name: p.name,
    code: p.code,
    level: p.level,
    employee_count: p.employeeCount,
    children,
  }));

export const toPositionDetail = (p: HrPositionDetailFragment): z.input<typeof positionDetail> => ({
  id: p.id,
  name: p.name,
  code: p.code,
  description: p.description,
  level: p.level,
  parent_id: p.parentId,
  parent: p.parent ? { id: p.parent.id, name: p.parent.name, full_path: p.parent.fullPath } : null,
  children: p.children.map((c) => ({ id: c.id, name: c.name })),
  employees: p.employees.map((e) => ({ id: e.id, full_name: e.fullName, username: e.username })),
  full_path: p.fullPath,
  created_at: time(p.createdAt),
  updated_at: time(p.updatedAt),
});
