/** Topics identity records in its outbox; consumers subscribe to them by name. */
export const USER_CREATED = 'user.created';

/**
 * `user.created` payload: who was created, never credentials or contact details. `roles` (role codes) and `status`
 * let other subgraphs address notices to a role (activity's recipient directory).
 */
export interface UserCreatedPayload {
  userId: number;
  username: string;
  roles: string[];
  status: string;
}

/** A user's roles or status changed (`updateUser`, the batch activate/deactivate); payload as `user.created`. */
export const USER_UPDATED = 'user.updated';

export type UserUpdatedPayload = UserCreatedPayload;

/** A user was (soft) deleted: other subgraphs stop accepting references to it. */
export const USER_DELETED = 'user.deleted';

/** `user.deleted` payload. */
export interface UserDeletedPayload {
  userId: number;
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
