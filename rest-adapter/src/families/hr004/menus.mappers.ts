import { z } from 'zod';
import type { HrMenuFieldsFragment } from './operations.generated';
import { buildTree } from '../shared/tree';
import { isoTime, time } from './hr004.shapes';

export const menu = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  path: z.string().nullable(),
  icon: z.string().nullable(),
  parent_id: z.string().nullable(),
  sort_order: z.number().int(),
  permission: z.string().nullable(),
  is_visible: z.boolean(),
  created_at: isoTime,
  updated_at: isoTime,
});

export type MenuBody = z.input<typeof menu>;
export type MenuNode = MenuBody & { children: MenuNode[] };

export const menuNode: z.ZodType<MenuNode> = menu.extend({
  get children() {
    return z.array(menuNode);
  },
}).meta({ id: 'HrMenuNode' });

export const toMenu = (m: HrMenuFieldsFragment): MenuBody => ({
  id: m.id,
  name: m.name,
  code: m.code,
  path: m.path,
  icon: m.icon,
  parent_id: m.parentId,
  sort_order: m.sortOrder,
  permission: m.permission,
  is_visible: m.isVisible,
  created_at: time(m.createdAt),
  updated_at: time(m.updatedAt),
});

export const toMenuTree = (rows: HrMenuFieldsFragment[]): MenuNode[] => buildTree(rows, (m, children) => ({ ...toMenu(m), children }));
