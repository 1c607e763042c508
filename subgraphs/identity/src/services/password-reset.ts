import type { EntityManager } from '@mikro-orm/core';
import type { User } from '../entities';
import type { IdentityServices } from '../identity.context';
import { assertPasswordPolicy } from './password-policy';
import { hashPassword } from './password.service';
import { revokeSessionsOf } from './session.service';

/** An admin sets a user's password: the tenant's policy, argon2id, and every session of the user signed out. */
export async function setNewPassword(
  ctx: { em: EntityManager; services: IdentityServices },
  user: User,
  newPassword: string,
): Promise<void> {
  await assertPasswordPolicy(ctx.em, user.tenantId, newPassword, 'newPassword');
  user.passwordHash = await hashPassword(newPassword);
  await ctx.em.flush();
  await revokeSessionsOf(ctx.em, ctx.services, { userId: user.id }, 'PASSWORD_RESET');
}
