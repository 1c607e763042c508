import { hasPermission, Loaders, notFound, ownTenantId } from '@platform/kit';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Role, Session, Tenant, User } from '../entities';
import type { IdentityContext } from '../identity.context';
import { IdentityErrors } from '../identity.errors';
import { loginKeyOf } from '../entities/user.entity';
import { userById } from '../loaders/user-by-id.loader';
import { addressLimitKey, loginLimitKey } from '../services/auth-limits';
import { actAsTenant, assertAudience, assertMaySignIn, authPayload, completeLogin } from '../services/auth.service';
import { verifyPassword } from '../services/password.service';
import { assertMayAssignRole } from '../services/role-grant.service';
import { REVOCATION_TTL_SECONDS, revokeSession, rotateSession } from '../services/session.service';
import { createUserRecord, normaliseEmail } from '../services/user.service';
import { AuthPayload } from './auth-payload.type';
import { LoginAudience } from './login-audience.enum';
import { LoginInput } from './login.input';
import { RegisterInput } from './register.input';

@Resolver()
export class AuthResolver {
  @Query(() => User, {
    description: 'The signed-in account; with an audience (ADMIN_CONSOLE, COLLECTOR_APP), FORBIDDEN for an account its login refuses.',
  })
  async me(
    @Ctx() ctx: IdentityContext,
    @Arg('audience', () => LoginAudience, { nullable: true, defaultValue: LoginAudience.ANY }) audience?: LoginAudience | null,
  ): Promise<User> {
    const user = await userById(ctx).load(Number(ctx.caller!.userId));
    if (!user) throw IdentityErrors.accountGone();
    await assertAudience(ctx.services.platformEm(), user, audience);
    return user;
  }

  @Query(() => [Session], { description: 'The caller’s signed-in devices, most recently used first.' })
  mySessions(@Ctx() ctx: IdentityContext): Promise<Session[]> {
    return ctx.em.find(
      Session,
      { userId: Number(ctx.caller!.userId), revokedAt: null, refreshExpiresAt: { $gt: new Date() } },
      { orderBy: { lastSeenAt: 'desc', id: 'desc' } },
    );
  }

  @Mutation(() => AuthPayload, {
    description:
      'Username or e-mail + password; INVALID_CREDENTIALS otherwise. APP: at most 3 devices per account; a 4th is ' +
      'CONFLICT DEVICE_LIMIT (extensions.devices) unless force signs the oldest out; the same deviceId reuses its slot.',
  })
  async login(@Arg('input') input: LoginInput, @Ctx() ctx: IdentityContext): Promise<AuthPayload> {
    const em = ctx.services.platformEm();
    const login = input.login.trim();
    const { limits } = ctx.services;
    const limitKey = loginLimitKey(login, ctx.clientAddress);
    await limits.assertOpen('login', limitKey);
    const user = await em.findOne(User, login.includes('@') ? { email: normaliseEmail(login) } : { loginKey: loginKeyOf(login) }, {
      populate: ['passwordHash'],
    });
    if (!(await verifyPassword(user?.passwordHash, input.password)) || !user) {
      await limits.penalise('login', limitKey);
      throw IdentityErrors.invalidCredentials();
    }
    return completeLogin(ctx, em, user, input, limitKey);
  }

  @Mutation(() => AuthPayload, { description: 'Rotating: answers a new refresh token; reuse of an old one ends the session.' })
  async refreshToken(@Arg('refreshToken') token: string, @Ctx() ctx: IdentityContext): Promise<AuthPayload> {
    const em = ctx.services.platformEm();
    const limitKey = addressLimitKey(ctx.clientAddress);
    await ctx.services.limits.assertOpen('refresh', limitKey);
    const opened = await rotateSession(em, ctx.services, token).catch(async (error: unknown) => {
      await ctx.services.limits.penalise('refresh', limitKey);
      throw error;
    });
    const user = await em.findOne(User, opened.session.userId);
    if (!user) {
      await revokeSession(em, ctx.services, opened.session, 'ACCOUNT_GONE');
      throw IdentityErrors.accountGone();
    }
    try {
      await assertMaySignIn(em, user);
    } catch (error) {
      await revokeSession(em, ctx.services, opened.session, 'ACCOUNT_INACTIVE');
      throw error;
    }
    return authPayload(ctx, em, user, opened);
  }

  @Mutation(() => Boolean, { description: 'Ends the caller’s session: its tokens are refused from now on.' })
  async logout(@Ctx() ctx: IdentityContext): Promise<boolean> {
    const em = ctx.services.platformEm();
    const session = await em.findOne(Session, { sid: ctx.caller!.sessionId });
    if (session) await revokeSession(em, ctx.services, session, 'LOGOUT');
    else await ctx.services.revocations.revoke(ctx.caller!.sessionId, REVOCATION_TTL_SECONDS);
    return true;
  }

  @Mutation(() => User, { description: '002 sign-up: role `user` in the default tenant; an admin may pick the role.' })
  async register(@Arg('input') input: RegisterInput, @Ctx() ctx: IdentityContext): Promise<User> {
    const em = ctx.services.platformEm();
    // Anonymous sign-ups are what an address can abuse; an administrator registering staff is not limited.
    if (!ctx.caller) await ctx.services.limits.consume('register', addressLimitKey(ctx.clientAddress));
    const isAdmin = hasPermission(ctx.caller, 'users:create');
    if (input.role && !isAdmin) throw IdentityErrors.roleChoiceNeedsAdmin();
    const own = isAdmin ? ownTenantId(ctx) : null;
    const tenant = own
      ? await em.findOne(Tenant, own)
      : await em.findOne(Tenant, { code: ctx.services.config.DEFAULT_TENANT_CODE });
    if (!tenant) throw notFound('Tenant', ctx.services.config.DEFAULT_TENANT_CODE);
    if (!isAdmin && (!tenant.allowRegistration || !tenant.isActive)) throw IdentityErrors.registrationClosed();
    const role = await em.findOne(Role, { tenantId: tenant.id, code: input.role ?? 'user' });
    if (!role) throw IdentityErrors.unknownReference('role', 'Role');
    if (input.role) await assertMayAssignRole({ em, loaders: new Loaders() }, ctx.caller, role);
    const user = await createUserRecord(em, {
      tenantId: tenant.id,
      username: input.username,
      password: input.password,
      fullName: input.nickname,
      roles: [role],
    });
    actAsTenant(ctx, tenant.id);
    return user;
  }
}
