import type { FilterDef } from '@mikro-orm/core';

export const SOFT_DELETE_FILTER = 'notDeleted';

/** Default-on: soft-deleted rows (deletedAt set) are invisible unless a query turns the filter off by name. */
export const softDeleteFilter: FilterDef = { name: SOFT_DELETE_FILTER, default: true, cond: { deletedAt: null } };
