import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Role } from '../entities';
import type { IdentityContext } from '../identity.context';
import { permissionsByRole } from '../loaders/permissions-by-role.loader';
import { userCountByRole } from '../loaders/user-count-by-role.loader';

@Resolver(() => Role)
export class RoleFieldsResolver {
  @FieldResolver(() => [String], { description: 'resource:action codes: direct ones plus menu.code:action per grant.' })
  permissions(@Root() role: Role, @Ctx() ctx: IdentityContext): Promise<string[]> {
    return permissionsByRole(ctx).load(role.id);
  }

  @FieldResolver(() => Int)
  userCount(@Root() role: Role, @Ctx() ctx: IdentityContext): Promise<number> {
    return userCountByRole(ctx).load(role.id);
  }
}
