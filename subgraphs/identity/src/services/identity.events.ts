/** Topics identity records in its outbox; consumers subscribe to them by name. */
export const USER_CREATED = 'user.created';

/** `user.created` payload: who was created, never credentials or contact details. */
export interface UserCreatedPayload {
  userId: number;
  username: string;
}

/** A user was (soft) deleted: other subgraphs stop accepting references to it. */
export const USER_DELETED = 'user.deleted';

/** `user.deleted` payload. */
export interface UserDeletedPayload {
  userId: number;
}
