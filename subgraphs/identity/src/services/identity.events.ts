/** Topics identity records in its outbox; consumers subscribe to them by name. */
export const USER_CREATED = 'user.created';

/**
 * `user.created` payload: who was created, never credentials or contact details: where they sit in the position tree
 * (worklogs finds supervisors by it), `roles` (role codes) and `status` (activity addresses notices to a role).
 */
export interface UserCreatedPayload {
  userId: number;
  username: string;
  fullName: string | null;
  positionId: number | null;
  roles: string[];
  status: string;
}

/** A user changed (`updateUser`, the batch activate/deactivate): the same fields as `user.created`, as they now are. */
export const USER_UPDATED = 'user.updated';

export type UserUpdatedPayload = UserCreatedPayload;

/** A user was (soft) deleted: other subgraphs stop accepting references to it. */
export const USER_DELETED = 'user.deleted';

/** `user.deleted` payload. */
export interface UserDeletedPayload {
  userId: number;
}

/** A position was created, changed, moved or deleted: its place in the tree as it now is. */
export const POSITION_CHANGED = 'position.changed';

/** `position.changed` payload. */
export interface PositionChangedPayload {
  positionId: number;
  parentId: number | null;
  deleted: boolean;
}

/**
 * A tenant was created, provisioned or changed: its code and the zone of its local times (activity reads
 * 003's X-Tenant-Id codes and CCO local times with them). Aggregate id and tenant: the tenant's id.
 */
export const TENANT_CHANGED = 'tenant.changed';

export interface TenantChangedPayload {
  tenantId: number;
  code: string;
  zone: string;
}
