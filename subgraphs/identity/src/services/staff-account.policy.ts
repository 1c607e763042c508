import { forbidden, hasPermission } from '@platform/kit';
import type { User } from '../entities';
import type { IdentityContext } from '../identity.context';
import { rolesByUser } from '../loaders/roles-by-user.loader';
import { StaffRole } from '../resolvers/staff-account.input';

/**
 * Who gives which staff role: the admin-console permission of the thing the account is for (a collector's,
 * a team group's SPV, a team's leader), so an AgencyAdmin, who holds no `users:*`, can staff their agency.
 */
export const STAFF_ROLE_PERMISSION: Record<StaffRole, string> = {
  [StaffRole.collector]: 'collectors:create',
  [StaffRole.SPV]: 'team_groups:create',
  [StaffRole.TeamLeader]: 'teams:create',
};

/** Who moves an account to a staff role: the permission of the place it then leads (or works in). */
export const STAFF_ROLE_CHANGE_PERMISSION: Record<StaffRole, string> = {
  [StaffRole.collector]: 'collectors:update',
  [StaffRole.SPV]: 'team_groups:update',
  [StaffRole.TeamLeader]: 'teams:update',
};

export function assertMayChangeToStaffRole(ctx: IdentityContext, role: StaffRole): void {
  const needed = STAFF_ROLE_CHANGE_PERMISSION[role];
  if (!hasPermission(ctx.caller, needed)) throw forbidden(`Requires permission ${needed}`);
}

export const STAFF_ROLE_CODES: ReadonlySet<string> = new Set(Object.values(StaffRole));

export function assertMayGiveStaffRole(ctx: IdentityContext, role: StaffRole): void {
  const needed = STAFF_ROLE_PERMISSION[role];
  if (!hasPermission(ctx.caller, needed)) throw forbidden(`Requires permission ${needed}`);
}

/**
 * The staff mutations manage staff accounts only: an account holding any other role (an admin, an HR user) is
 * managed through `updateUser` / `resetPassword` with `users:update`. NOT_FOUND-like refusal is not used: the
 * caller named the account, it is in their tenant, they may simply not manage it here.
 */
export async function assertStaffAccount(ctx: IdentityContext, user: User): Promise<void> {
  const roles = await rolesByUser(ctx).load(user.id);
  if (roles.length === 0 || roles.some((r) => !STAFF_ROLE_CODES.has(r.code))) {
    throw forbidden('Only collector, SPV and team leader accounts are managed here', { reason: 'NOT_STAFF_ACCOUNT' });
  }
}
