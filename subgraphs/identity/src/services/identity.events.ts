/** Topics identity records in its outbox; consumers subscribe to them by name. */
export const USER_CREATED = 'user.created';

/**
 * `user.created` payload: who was created and where they sit in the position tree (worklogs finds supervisors
 * by it), never credentials or contact details.
 */
export interface UserCreatedPayload {
  userId: number;
  username: string;
  fullName: string | null;
  positionId: number | null;
}

/** A user's name or position changed (`updateUser`): the same fields as `user.created`, as they now are. */
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
