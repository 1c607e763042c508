import { pageWindow, toPage, type Paged, PageArgs, type PageArgsType } from '@platform/kit';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { User } from '../entities';
import type { IdentityContext } from '../identity.context';
import { rolesByUser } from '../loaders/roles-by-user.loader';
import { holdersOf } from '../services/user-lookup';
import { UserSummaryPage } from './pages';
import { UserSummary } from './user-summary.type';

const PageOf100 = PageArgs({ size: 100 });

export const SALES_ROLE = 'sales';

@Resolver()
export class SalesUserResolver {
  @Query(() => UserSummaryPage, {
    description: 'Any signed-in user: the tenant’s users holding role `sales`, oldest first, as summaries only.',
  })
  async salesUsers(@Ctx() ctx: IdentityContext, @Args(() => PageOf100) page: PageArgsType): Promise<Paged<UserSummary>> {
    const paging = page.window();
    const [users, total] = await ctx.em.findAndCount(
      User,
      { id: { $in: await holdersOf(ctx.em, { code: SALES_ROLE }) } },
      { orderBy: { createdAt: 'asc', id: 'asc' }, ...pageWindow(paging) },
    );
    const roles = await rolesByUser(ctx).loadMany(users.map((u) => u.id));
    const items = users.map((user, i) => {
      const primary = roles[i];
      return {
        id: String(user.id),
        username: user.username,
        nickname: user.fullName,
        roleCode: primary instanceof Error ? null : (primary?.[0]?.code ?? null),
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      };
    });
    return toPage(items, total, paging);
  }
}
