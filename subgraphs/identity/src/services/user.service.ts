import { TransactionPropagation, type EntityManager } from '@mikro-orm/core';
import { recordDomainEvent, recordEvent, requireId, flushOrConflict, type RequestContext } from '@platform/kit';
import { Position, Role, User, UserRole, UserStatus } from '../entities';
import { loginKeyOf } from '../entities/user.entity';
import type { LoaderScope } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import { rolesByUser } from '../loaders/roles-by-user.loader';
import { USER_CREATED, USER_UPDATED, type UserCreatedPayload } from './identity.events';
import { assertPasswordPolicy } from './password-policy';
import { hashPassword } from './password.service';

export const normaliseEmail = (email: string | null | undefined): string | null =>
  email ? email.trim().toLowerCase() : null;

/** Usernames (case-insensitively) and e-mails are unique platform-wide, deleted accounts included (their rows keep them). */
export async function assertAvailable(
  em: EntityManager,
  fields: { username?: string; email?: string | null },
  exceptUserId?: number,
): Promise<void> {
  for (const [field, value] of Object.entries(fields)) {
    if (!value) continue;
    const where = field === 'username' ? { loginKey: loginKeyOf(value) } : { [field]: value };
    const holder = await em.findOne(User, where, { filters: false, fields: ['id'] });
    if (holder && holder.id !== exceptUserId) throw IdentityErrors.taken(field, value);
  }
}

/** A position of the user's tenant named by input, or a BAD_USER_INPUT naming `field`. */
export async function positionOf(
  em: EntityManager,
  tenantId: number | null,
  raw: string | null | undefined,
  field: string,
): Promise<number | null> {
  if (raw === null || raw === undefined) return null;
  const id = requireId(raw, field);
  const position = await em.findOne(Position, { id, tenantId });
  if (!position) throw IdentityErrors.unknownReference(field, 'Position');
  return id;
}

/** The role input names by id or code within the user's tenant; undefined when it names none. */
export async function roleOf(
  em: EntityManager,
  tenantId: number | null,
  input: { roleId?: string | null; roleCode?: string | null },
): Promise<Role | undefined> {
  if (input.roleId !== null && input.roleId !== undefined) {
    const id = requireId(input.roleId, 'roleId');
    const role = await em.findOne(Role, { id, tenantId });
    if (!role) throw IdentityErrors.unknownReference('roleId', 'Role');
    return role;
  }
  if (input.roleCode) {
    const role = await em.findOne(Role, { code: input.roleCode, tenantId });
    if (!role) throw IdentityErrors.unknownReference('roleCode', 'Role');
    return role;
  }
  return undefined;
}

export interface NewUser {
  tenantId: number | null;
  username: string;
  email?: string | null;
  password: string;
  fullName?: string | null;
  positionId?: number | null;
  status?: UserStatus;
  roles: Role[];
}

/**
 * Creates an account and its role links, announced as `user.created`: inside the mutation's transaction when
 * there is one (REQUIRED joins it, no savepoint), in a transaction of its own otherwise (the seed).
 */
export async function createUserRecord(em: EntityManager, data: NewUser): Promise<User> {
  const email = normaliseEmail(data.email);
  await assertPasswordPolicy(em, data.tenantId, data.password, 'password');
  await assertAvailable(em, { username: data.username, email });
  const passwordHash = await hashPassword(data.password);
  return em.transactional(async (tx) => {
    const user = tx.create(User, {
      tenantId: data.tenantId,
      username: data.username,
      email,
      passwordHash,
      fullName: data.fullName ?? null,
      positionId: data.positionId ?? null,
      status: data.status ?? UserStatus.active,
    });
    await flushOrConflict(tx, () => IdentityErrors.taken('username', data.username));
    for (const role of data.roles) tx.create(UserRole, { tenantId: data.tenantId, userId: user.id, roleId: role.id });
    const payload = userPayload(user, data.roles.map((r) => r.code));
    recordEvent(tx, { topic: USER_CREATED, tenantId: user.tenantId, aggregateId: user.id, payload });
    await tx.flush();
    return user;
  }, { propagation: TransactionPropagation.REQUIRED });
}

/** What `user.created` and `user.updated` say of an account: no credentials, no contact details. */
export const userPayload = (user: User, roles: string[]): UserCreatedPayload => ({
  userId: user.id,
  username: user.username,
  fullName: user.fullName,
  positionId: user.positionId,
  roles,
  status: user.status,
});

/** What the audit trail keeps of an account: no credentials, no contact details. */
export const auditedUser = (user: User, roles: string[]) => ({ username: user.username, status: user.status, positionId: user.positionId, roles });

/**
 * Announces an account as it now is (`user.updated`, for other subgraphs' directories: name, position, roles,
 * status) and records the change in the audit trail, in the caller's transaction.
 */
export function recordUserChange(
  ctx: Pick<RequestContext, 'caller' | 'requestId' | 'em'>,
  user: User,
  roles: string[],
  before: Record<string, unknown>,
): void {
  recordDomainEvent(ctx, {
    source: 'identity',
    topic: USER_UPDATED,
    payload: userPayload(user, roles),
    tenantId: user.tenantId,
    action: 'update',
    resourceType: 'user',
    resourceId: user.id,
    before,
    after: auditedUser(user, roles),
    summary: `更新用户 ${user.username}`,
  });
}

/** Replaces a user's roles (004 has one role per employee: the new one becomes primary). */
export async function replaceRoles(s: LoaderScope, user: User, roles: Role[]): Promise<void> {
  await s.em.nativeDelete(UserRole, { userId: user.id });
  for (const role of roles) s.em.create(UserRole, { tenantId: user.tenantId, userId: user.id, roleId: role.id });
  await s.em.flush();
  // The checks before the change loaded the old roles into this request's loader; the answer must show the new.
  rolesByUser(s).clear(user.id);
}
