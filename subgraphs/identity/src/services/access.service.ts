import type { Caller, DataScope } from '@platform/kit';
import type { Role, User } from '../entities';
import type { LoaderScope } from '../identity.context';
import { permissionsByRole } from '../loaders/permissions-by-role.loader';
import { rolesByUser } from '../loaders/roles-by-user.loader';
import { effectiveCodes, widestScope } from './permission-codes';

export interface Access {
  roles: Role[];
  permissions: string[];
  scope: DataScope;
}

/** What a user may do now: their roles, the codes those grant (aliases included), and their data scope. */
export async function accessOf(s: LoaderScope, user: User): Promise<Access> {
  const roles = await rolesByUser(s).load(user.id);
  const codes = await permissionsByRole(s).loadMany(roles.map((r) => r.id));
  return {
    roles,
    permissions: effectiveCodes(codes.flatMap((c) => (c instanceof Error ? [] : c))),
    scope: widestScope(
      roles.map((r) => r.dataScope),
      user.tenantId === null,
    ),
  };
}

/**
 * The codes shown for an account (User.permissions): `*` is the platform super admin's alone. A tenant's
 * administrator holds every permission in the tenant (its token still says `*`), but is shown the codes its roles
 * grant by name, so no tenant account ever looks like the super admin.
 */
export async function listedPermissions(s: LoaderScope, user: User): Promise<string[]> {
  if (user.tenantId === null) return (await accessOf(s, user)).permissions;
  const roles = await rolesByUser(s).load(user.id);
  const codes = await permissionsByRole(s).loadMany(roles.map((r) => r.id));
  return effectiveCodes(codes.flatMap((c) => (c instanceof Error ? [] : c)).filter((code) => code !== '*'));
}

export const callerOf = (user: User, access: Access, sessionId: string): Caller => ({
  userId: String(user.id),
  username: user.username,
  tenantId: user.tenantId === null ? null : String(user.tenantId),
  roles: access.roles.map((r) => r.code),
  permissions: access.permissions,
  scope: access.scope,
  sessionId,
});
