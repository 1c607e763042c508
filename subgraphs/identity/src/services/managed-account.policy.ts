import { isPlatformAdmin } from '@platform/kit';
import type { User } from '../entities';
import type { IdentityContext } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import { accessOf } from './access.service';
import { holdsAll, SUPER_ADMIN_ROLE } from './role-grant.service';
import { findUser } from './user-lookup';

/** What is done to the account: removing it (delete, deactivate) is never done to oneself. */
export type AccountAction = 'update' | 'delete' | 'deactivate';

/**
 * The one rule for managing someone else's account (edit, reset password, delete, (de)activate, sign devices
 * out): no one manages an account holding a permission they lack, since they could take it over (a holder of
 * `*` manages anyone in reach); only the platform super admin manages a SuperAdmin account; and no one deletes
 * or deactivates themselves. Runs before any change, so a refusal changes nothing.
 */
export async function assertMayManage(ctx: IdentityContext, target: User, action: AccountAction): Promise<void> {
  const caller = ctx.caller;
  // Every path here is behind an authenticated shield rule; without a caller there is no one to manage for.
  if (!caller) throw IdentityErrors.accountOutranksCaller();
  if (String(target.id) === caller.userId) {
    if (action !== 'update') throw IdentityErrors.selfDelete(action);
    return;
  }
  const access = await accessOf(ctx, target);
  const superAdmin = target.tenantId === null || access.roles.some((r) => r.code === SUPER_ADMIN_ROLE);
  if (superAdmin && !isPlatformAdmin(caller)) {
    throw IdentityErrors.accountOutranksCaller('Only the platform super admin manages a SuperAdmin account');
  }
  if (!holdsAll(caller, access.permissions)) throw IdentityErrors.accountOutranksCaller();
}

/** A user of the caller's scope (NOT_FOUND otherwise) whom the caller may manage for `action`. */
export async function findManageableUser(ctx: IdentityContext, rawId: string, action: AccountAction): Promise<User> {
  const user = await findUser(ctx, rawId);
  await assertMayManage(ctx, user, action);
  return user;
}
