import type { FilterQuery } from '@mikro-orm/core';
import { notFound, parseId } from '@platform/kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { LoginChannel, Session } from '../entities';
import type { IdentityContext } from '../identity.context';
import { findManageableUser } from '../services/managed-account.policy';
import { revokeSession } from '../services/session.service';

/** Sessions still signed in: not revoked, refresh token not expired. */
const live = (where: FilterQuery<Session> & object): FilterQuery<Session> => ({
  ...where,
  revokedAt: null,
  refreshExpiresAt: { $gt: new Date() },
});

const devicesOf = (ctx: IdentityContext, userId: number) =>
  ctx.em.find(Session, live({ userId, channel: LoginChannel.APP }), { orderBy: { lastLoginAt: 'desc', id: 'desc' } });

/** A live session of `userId` by its id, or NOT_FOUND (someone else's answers the same). */
async function liveSessionOf(ctx: IdentityContext, userId: number, rawId: string): Promise<Session> {
  const id = parseId(rawId);
  const session = id === null ? null : await ctx.em.findOne(Session, live({ id, userId }));
  if (!session) throw notFound('Session', rawId);
  return session;
}

/** The collector app's device slots (APP sessions): listing them and signing them out, one's own or, for admins, a user's. */
@Resolver()
export class DeviceResolver {
  @Query(() => [Session], { description: 'The caller’s signed-in collector-app devices, latest sign-in first.' })
  myDevices(@Ctx() ctx: IdentityContext): Promise<Session[]> {
    return devicesOf(ctx, Number(ctx.caller!.userId));
  }

  @Query(() => [Session], {
    description:
      'users:view — a user’s signed-in collector-app devices; NOT_FOUND outside the tenant, FORBIDDEN for an account ' +
      'holding permissions the caller lacks (as managing it is).',
  })
  async userDevices(@Arg('userId', () => ID) userId: string, @Ctx() ctx: IdentityContext): Promise<Session[]> {
    return devicesOf(ctx, (await findManageableUser(ctx, userId, 'update')).id);
  }

  @Mutation(() => Boolean, { description: 'Signs one of the caller’s own sessions (mySessions/myDevices ids) out at once.' })
  async signOutDevice(@Arg('sessionId', () => ID) sessionId: string, @Ctx() ctx: IdentityContext): Promise<boolean> {
    const session = await liveSessionOf(ctx, Number(ctx.caller!.userId), sessionId);
    await revokeSession(ctx.em, ctx.services, session, 'SIGNED_OUT');
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'users:update — remote sign-out of a user’s session (userDevices ids); its tokens are refused at once.',
  })
  async signOutUserDevice(
    @Arg('userId', () => ID) userId: string,
    @Arg('sessionId', () => ID) sessionId: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<boolean> {
    const user = await findManageableUser(ctx, userId, 'update');
    const session = await liveSessionOf(ctx, user.id, sessionId);
    await revokeSession(ctx.em, ctx.services, session, 'SIGNED_OUT_BY_ADMIN');
    return true;
  }
}
