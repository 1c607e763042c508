import { can, parseId } from '@platform/kit';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { Agency } from '../entities/agency.entity';
import { scoped, scopeOf } from '../services/scope';

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true, description: 'An agency in the caller’s scope, or null.' })
  async agency(@Arg('id', () => ID) id: string, @Ctx() ctx: CollectionsContext): Promise<Agency | null> {
    const agencyId = parseId(id);
    if (agencyId === null) return null;
    const scope = await scopeOf(ctx);
    return ctx.em.findOne(Agency, scoped({ id: agencyId }, scope, { agencyId: 'id' }));
  }
}

export const agencyRules = { agency: can('agencies:view') };
