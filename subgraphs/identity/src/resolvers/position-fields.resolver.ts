import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Position, User } from '../entities';
import type { IdentityContext } from '../identity.context';
import { childCountByPosition } from '../loaders/child-count-by-position.loader';
import { positionById } from '../loaders/position-by-id.loader';
import { positionsByParent } from '../loaders/positions-by-parent.loader';
import { userCountByPosition } from '../loaders/user-count-by-position.loader';
import { usersByPosition } from '../loaders/users-by-position.loader';
import { ancestry } from '../services/position-tree';

@Resolver(() => Position)
export class PositionFieldsResolver {
  @FieldResolver(() => Position, { nullable: true })
  parent(@Root() position: Position, @Ctx() ctx: IdentityContext): Promise<Position | null> | null {
    return position.parentId === null ? null : positionById(ctx).load(position.parentId);
  }

  @FieldResolver(() => [Position])
  children(@Root() position: Position, @Ctx() ctx: IdentityContext): Promise<Position[]> {
    return positionsByParent(ctx).load(position.id);
  }

  @FieldResolver(() => [User])
  employees(@Root() position: Position, @Ctx() ctx: IdentityContext): Promise<User[]> {
    return usersByPosition(ctx).load(position.id);
  }

  @FieldResolver(() => Int)
  employeeCount(@Root() position: Position, @Ctx() ctx: IdentityContext): Promise<number> {
    return userCountByPosition(ctx).load(position.id);
  }

  @FieldResolver(() => Int)
  childrenCount(@Root() position: Position, @Ctx() ctx: IdentityContext): Promise<number> {
    return childCountByPosition(ctx).load(position.id);
  }

  @FieldResolver(() => String, { description: 'Ancestors and itself: "CEO > 技术总监 > 高级开发工程师".' })
  async fullPath(@Root() position: Position, @Ctx() ctx: IdentityContext): Promise<string> {
    return (await ancestry(ctx, position))
      .reverse()
      .map((p) => p.name)
      .join(' > ');
  }
}
