import type { EntityManager } from '@mikro-orm/core';
import { Loaders, TENANT_FILTER } from '@platform/kit';
import { LoginChannel, Tenant, UserStatus, type User } from '../entities';
import type { IdentityContext } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import type { AuthPayload } from '../resolvers/auth-payload.type';
import { LoginAudience } from '../resolvers/login-audience.enum';
import { accessOf, callerOf } from './access.service';
import { ACCESS_TTL_SECONDS, REFRESH_TTL_SECONDS, type OpenedSession, type SignInMeta } from './session.service';
import { signIn } from './sign-in.service';

/** A signed-in user must be active and belong to a live tenant (the platform account belongs to none). */
export async function assertMaySignIn(em: EntityManager, user: User): Promise<void> {
  if ((user.status as UserStatus) !== UserStatus.active) throw IdentityErrors.accountInactive();
  if (user.tenantId === null) return;
  const tenant = await em.findOne(Tenant, user.tenantId);
  if (!tenant || !tenant.isActive) throw IdentityErrors.tenantInactive();
}

/** Permission that opens the CCO admin console to a role without `*` (e.g. a tenant's own supervisor role). */
export const ADMIN_CONSOLE_PERMISSION = 'admin-console:access';

/** The admin console is for administrators (SuperAdmin, TenantAdmin, admin…), not collectors or sales. */
export async function assertAdminConsoleAccount(em: EntityManager, user: User): Promise<void> {
  const { permissions } = await accessOf({ em, loaders: new Loaders() }, user);
  if (!permissions.includes('*') && !permissions.includes(ADMIN_CONSOLE_PERMISSION)) {
    throw IdentityErrors.notAdminConsoleAccount();
  }
}

/**
 * The collector app (CCO IM) is for the front line of collections: collectors and their team leaders (the document's
 * 数据权限: 组长可以查看本组所有催员的数据). Administrators, SPVs and other accounts sign in elsewhere; `*` does not open it.
 */
export const COLLECTOR_APP_ROLES: readonly string[] = ['collector', 'TeamLeader'];

export async function assertCollectorAppAccount(em: EntityManager, user: User): Promise<void> {
  const { roles } = await accessOf({ em, loaders: new Loaders() }, user);
  if (!roles.some((role) => COLLECTOR_APP_ROLES.includes(role.code))) throw IdentityErrors.notCollectorAppAccount();
}

/** The front end a login or `me` names may refuse the account (nothing is changed then). */
export async function assertAudience(em: EntityManager, user: User, audience: LoginAudience | null | undefined): Promise<void> {
  switch (audience ?? LoginAudience.ANY) {
    case LoginAudience.ANY:
      return;
    case LoginAudience.ADMIN_CONSOLE:
      return assertAdminConsoleAccount(em, user);
    case LoginAudience.COLLECTOR_APP:
      return assertCollectorAppAccount(em, user);
  }
}

/** Access token (fresh roles and permissions) + the session's refresh token. */
export async function authPayload(
  ctx: IdentityContext,
  em: EntityManager,
  user: User,
  opened: OpenedSession,
): Promise<AuthPayload> {
  const access = await accessOf({ em, loaders: new Loaders() }, user);
  const expiresIn = ACCESS_TTL_SECONDS[opened.session.channel];
  actAsTenant(ctx, user.tenantId);
  const accessToken = ctx.services.signer.signAccess(callerOf(user, access, opened.session.sid), expiresIn);
  // The rest of the client's operation (e.g. the account's profile in another subgraph) runs as this session.
  ctx.signedIn = accessToken;
  return {
    accessToken,
    refreshToken: opened.refreshToken,
    tokenType: 'bearer',
    expiresIn,
    refreshExpiresIn: REFRESH_TTL_SECONDS,
    user,
  };
}

/**
 * An anonymous request (login, refresh, register) has an EntityManager with no tenant, which refuses every
 * query; once it has authenticated someone, the rest of the response (the user's role, position…) is read
 * within that account's tenant.
 */
export function actAsTenant(ctx: IdentityContext, tenantId: number | null): void {
  if (ctx.caller) return;
  ctx.em.setFilterParams(TENANT_FILTER, { tenantId: tenantId === null ? null : String(tenantId) });
}

/** What a login (password or face) asks for beyond the credential itself. */
export interface LoginRequest {
  channel?: LoginChannel | null;
  device?: SignInMeta['device'];
  force?: boolean | null;
  audience?: LoginAudience | null;
}

/**
 * The rest of a login once its credential has been verified, the same whatever the credential was: the failure run
 * ends, the account and audience are checked, and the session opens under the device rules (a face match bypasses
 * none of them).
 */
export async function completeLogin(
  ctx: IdentityContext,
  em: EntityManager,
  user: User,
  request: LoginRequest,
  limitKey: string,
): Promise<AuthPayload> {
  await ctx.services.limits.reset('login', limitKey);
  await assertMaySignIn(em, user);
  await assertAudience(em, user, request.audience);
  const opened = await signIn(em, ctx.services, user, {
    channel: request.channel ?? LoginChannel.WEB,
    device: request.device ?? null,
    force: request.force ?? false,
    clientAddress: ctx.clientAddress ?? null,
  });
  return authPayload(ctx, em, user, opened);
}
