import { DomainError } from '@platform/kit';
import { Session, User } from '../entities';
import type { IdentityContext } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import { loginLimitKey } from './auth-limits';
import { assertPasswordPolicy } from './password-policy';
import { hashPassword, verifyPassword } from './password.service';
import { revokeSession } from './session.service';

const wrongPassword = () =>
  new DomainError('BAD_USER_INPUT', 'oldPassword is not the current password', { field: 'oldPassword', reason: 'WRONG_PASSWORD' });
const samePassword = () =>
  new DomainError('BAD_USER_INPUT', 'newPassword must differ from the current password', { field: 'newPassword', reason: 'SAME_PASSWORD' });

/**
 * The caller changes their own password. A wrong current password is a 400 (not 401: the caller's token is fine, and
 * an app treats 401 as "signed out") counted with failed logins, so a stolen token cannot guess the password. Users
 * expect a password change to sign out every other device (someone who knew the old one), not this one.
 */
export async function changeOwnPassword(ctx: IdentityContext, oldPassword: string, newPassword: string): Promise<void> {
  const { em, services } = ctx;
  const user = await em.findOne(User, Number(ctx.caller!.userId), { populate: ['passwordHash'] });
  if (!user) throw IdentityErrors.accountGone();
  const limitKey = loginLimitKey(user.username, ctx.clientAddress);
  await services.limits.assertOpen('login', limitKey);
  if (!(await verifyPassword(user.passwordHash, oldPassword))) {
    await services.limits.penalise('login', limitKey);
    throw wrongPassword();
  }
  await services.limits.reset('login', limitKey);
  if (oldPassword === newPassword) throw samePassword();
  await assertPasswordPolicy(em, user.tenantId, newPassword, 'newPassword');
  user.passwordHash = await hashPassword(newPassword);
  await em.flush();
  const others = await em.find(Session, { userId: user.id, revokedAt: null, sid: { $ne: ctx.caller!.sessionId } });
  for (const session of others) await revokeSession(em, services, session, 'PASSWORD_CHANGED');
}
