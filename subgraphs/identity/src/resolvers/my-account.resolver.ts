import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { User } from '../entities';
import type { IdentityContext } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import { rolesByUser } from '../loaders/roles-by-user.loader';
import { userById } from '../loaders/user-by-id.loader';
import { changeOwnPassword } from '../services/own-password';
import { assertAvailable, auditedUser, normaliseEmail, recordUserChange } from '../services/user.service';
import { ChangeMyPasswordInput, UpdateMyAccountInput } from './my-account.input';

/** The signed-in account changing itself. */
@Resolver()
export class MyAccountResolver {
  @Mutation(() => User, { description: 'The caller\u2019s own e-mail (unique platform-wide: CONFLICT when taken; null clears it).' })
  async updateMyAccount(@Arg('input') input: UpdateMyAccountInput, @Ctx() ctx: IdentityContext): Promise<User> {
    const user = await userById(ctx).load(Number(ctx.caller!.userId));
    if (!user) throw IdentityErrors.accountGone();
    if (input.email === undefined) return user;
    const email = normaliseEmail(input.email);
    if (email === user.email) return user;
    await assertAvailable(ctx.em, { email }, user.id);
    const roles = (await rolesByUser(ctx).load(user.id)).map((r) => r.code);
    const before = auditedUser(user, roles);
    user.email = email;
    recordUserChange(ctx, user, roles, before);
    await ctx.em.flush();
    return user;
  }

  @Mutation(() => Boolean, {
    description:
      'The caller\u2019s password: the current one must be right (BAD_USER_INPUT oldPassword, reason WRONG_PASSWORD, ' +
      'counted like a failed login), the new one meets the tenant\u2019s policy and differs from it. Every other session ' +
      'of the account is signed out; the caller\u2019s own stays signed in.',
  })
  async changeMyPassword(@Arg('input') input: ChangeMyPasswordInput, @Ctx() ctx: IdentityContext): Promise<boolean> {
    await changeOwnPassword(ctx, input.oldPassword, input.newPassword);
    return true;
  }
}
