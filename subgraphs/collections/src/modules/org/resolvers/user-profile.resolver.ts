import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { Collector } from '../entities/collector.entity';
import { UserStub } from '../entities/user.stub';
import { collectorByUserId } from '../loaders/org.loaders';
import { inScope, scopeOf } from '../services/scope';
import { COLLECTOR_COLUMNS } from '../services/org-writes';

/** identity's User gains its collections work profile (one statement per request for a page of users). */
@Resolver(() => UserStub)
export class UserProfileResolver {
  @FieldResolver(() => Collector, { nullable: true, description: 'The user’s collections staff profile, when it is in the caller’s scope.' })
  async collectorProfile(@Root() user: UserStub, @Ctx() ctx: CollectionsContext): Promise<Collector | null> {
    const profile = await collectorByUserId(ctx).load(String(user.id));
    if (!profile) return null;
    return inScope(await scopeOf(ctx), { ...profile }, COLLECTOR_COLUMNS) ? profile : null;
  }
}

/** The router asks collections for a User by key only to read collectorProfile: the key is all it needs. */
export const userReference = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
};
