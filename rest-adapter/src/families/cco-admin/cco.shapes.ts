import { z } from 'zod';
import { intIdParam, queryInt } from '../shared/inputs';
import { ccoAdmin } from './cco-admin.family';

/** CCO list data: `{total, page, size, items}`. */
export const ccoPage = <T extends z.ZodType>(item: T) =>
  z.object({ total: z.number().int(), page: z.number().int(), size: z.number().int(), items: z.array(item) });

/** CCO paging (通用说明 · 分页参数): `page` from 1, `size` default 10, at most 100. */
export const ccoPageQuery = {
  page: queryInt(1).default(1).describe('页码（从1开始）'),
  size: queryInt(1, 100).default(10).describe('每页数量（默认10，最大100）'),
};

export const localTime = z.string().describe('YYYY-MM-DD HH:mm:ss in the tenant\'s time zone');

export const ccoTime = (value: string, zone: string) => ccoAdmin.time(value, zone);
export const ccoTimeOrNull = (value: string | null | undefined, zone: string) =>
  value ? ccoAdmin.time(value, zone) : null;

export const tenantParams = z.object({ tenant_id: intIdParam });
