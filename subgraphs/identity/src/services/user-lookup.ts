import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { notFound, parseId } from '@platform/kit';
import { Role, User, UserRole } from '../entities';
import type { IdentityContext } from '../identity.context';

/** A user of the caller's scope, or NOT_FOUND (other tenants' users answer the same). */
export async function findUser(ctx: IdentityContext, rawId: string): Promise<User> {
  const id = parseId(rawId);
  const user = id === null ? null : await ctx.em.findOne(User, id);
  if (!user) throw notFound('User', rawId);
  return user;
}

/** Ids of the users holding a role that matches `roles` (within the EntityManager's tenant). */
export async function holdersOf(em: EntityManager, roles: FilterQuery<Role>): Promise<number[]> {
  const found = await em.find(Role, roles, { fields: ['id'] });
  const links = await em.find(UserRole, { roleId: { $in: found.map((r) => r.id) } }, { fields: ['userId'] });
  return links.map((l) => l.userId);
}
