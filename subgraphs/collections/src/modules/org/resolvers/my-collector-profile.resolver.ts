import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { isAuthenticated, notFound } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { Collector } from '../entities/collector.entity';
import { SetMyWorkStatusInput, UpdateMyCollectorProfileInput } from '../inputs/my-collector-profile.input';
import { collectorByUserId } from '../loaders/org.loaders';

/** The caller's own work profile: only the account it belongs to reaches it, so no scope or permission beyond sign-in. */
async function ownProfile(ctx: CollectionsContext): Promise<Collector> {
  const profile = await collectorByUserId(ctx).load(String(ctx.caller!.userId));
  if (!profile) throw notFound('Collector', 'me');
  return profile;
}

/** The collector app's 个人中心: a collector's own mobile and presence. */
@Resolver()
export class MyCollectorProfileResolver {
  @Mutation(() => Collector, { description: 'The caller\u2019s own work profile (NOT_FOUND without one); absent fields stay.' })
  async updateMyCollectorProfile(@Arg('input') input: UpdateMyCollectorProfileInput, @Ctx() ctx: CollectionsContext): Promise<Collector> {
    const profile = await ownProfile(ctx);
    if (input.mobile !== undefined) profile.mobile = input.mobile;
    await ctx.em.flush();
    return profile;
  }

  @Mutation(() => Collector, { description: 'The caller\u2019s app presence (online, busy, away, offline); NOT_FOUND without a work profile.' })
  async setMyWorkStatus(@Arg('input') input: SetMyWorkStatusInput, @Ctx() ctx: CollectionsContext): Promise<Collector> {
    const profile = await ownProfile(ctx);
    if (profile.workStatus !== input.workStatus) {
      profile.workStatus = input.workStatus;
      profile.workStatusAt = new Date();
    }
    await ctx.em.flush();
    return profile;
  }
}

export const myCollectorProfileRules = {
  Query: {},
  Mutation: { updateMyCollectorProfile: isAuthenticated, setMyWorkStatus: isAuthenticated },
};
