import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Position, Role, Tenant, User } from '../entities';
import type { IdentityContext } from '../identity.context';
import { positionById } from '../loaders/position-by-id.loader';
import { rolesByUser } from '../loaders/roles-by-user.loader';
import { tenantById } from '../loaders/tenant-by-id.loader';
import { listedPermissions } from '../services/access.service';

@Resolver(() => User)
export class UserFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: '002 nickname: the same value as fullName.' })
  nickname(@Root() user: User): string | null {
    return user.fullName;
  }

  @FieldResolver(() => ID, { nullable: true })
  tenantId(@Root() user: User): string | null {
    return user.tenantId === null ? null : String(user.tenantId);
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'Null for the platform super admin.' })
  tenant(@Root() user: User, @Ctx() ctx: IdentityContext): Promise<Tenant | null> | null {
    return user.tenantId === null ? null : tenantById(ctx).load(user.tenantId);
  }

  @FieldResolver(() => Position, { nullable: true })
  position(@Root() user: User, @Ctx() ctx: IdentityContext): Promise<Position | null> | null {
    return user.positionId === null ? null : positionById(ctx).load(user.positionId);
  }

  @FieldResolver(() => Role, { nullable: true, description: 'The primary (first assigned) role.' })
  async role(@Root() user: User, @Ctx() ctx: IdentityContext): Promise<Role | null> {
    return (await rolesByUser(ctx).load(user.id))[0] ?? null;
  }

  @FieldResolver(() => [Role])
  roles(@Root() user: User, @Ctx() ctx: IdentityContext): Promise<Role[]> {
    return rolesByUser(ctx).load(user.id);
  }

  @FieldResolver(() => [String], {
    description: 'Union of the roles’ codes, aliases included; "*" for the platform super admin alone.',
  })
  permissions(@Root() user: User, @Ctx() ctx: IdentityContext): Promise<string[]> {
    return listedPermissions(ctx, user);
  }
}
