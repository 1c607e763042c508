import { isPlatformAdmin, type Caller } from '@platform/kit';
import type { Role, User } from '../entities';
import type { LoaderScope } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import { permissionsByRole } from '../loaders/permissions-by-role.loader';
import { rolesByUser } from '../loaders/roles-by-user.loader';
import { effectiveCodes } from './permission-codes';

/** The platform role; a tenant role of that code would carry the same name into tokens, so it is guarded too. */
export const SUPER_ADMIN_ROLE = 'SuperAdmin';

/**
 * No one hands out more than they hold: every code must be the caller's own (aliases count, `*` covers all).
 * `what` completes "You cannot … permissions you do not hold yourself".
 */
export function assertWithinOwnPermissions(caller: Caller | null, codes: Iterable<string>, what: string): void {
  if (caller && !holdsAll(caller, codes)) throw IdentityErrors.roleBeyondOwn(what);
}

/** Whether the caller holds every one of `codes` (aliases count, `*` covers all, `*` itself only by `*`). */
export function holdsAll(caller: Caller, codes: Iterable<string>): boolean {
  if (caller.permissions.includes('*')) return true;
  const held = new Set(caller.permissions);
  return effectiveCodes(codes).every((code) => held.has(code));
}

/** Only the platform super admin creates or assigns a role named SuperAdmin. */
export function assertMayUseRoleCode(caller: Caller | null, code: string): void {
  if (code === SUPER_ADMIN_ROLE && !isPlatformAdmin(caller)) throw IdentityErrors.superAdminOnly();
}

/**
 * Assigning `role` to an account: the role's codes must all be the caller's own (a holder of `*` may assign any
 * role of the tenant), SuperAdmin stays the platform's, and no one changes their own role.
 */
export async function assertMayAssignRole(s: LoaderScope, caller: Caller | null, role: Role, target?: User): Promise<void> {
  assertMayUseRoleCode(caller, role.code);
  if (target && caller && String(target.id) === caller.userId) {
    const current = await rolesByUser(s).load(target.id);
    if (current.length !== 1 || current[0].id !== role.id) throw IdentityErrors.ownRole();
  }
  if (!caller || caller.permissions.includes('*')) return;
  assertWithinOwnPermissions(caller, await permissionsByRole(s).load(role.id), 'assign a role with');
}
