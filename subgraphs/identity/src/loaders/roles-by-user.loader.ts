import DataLoader from 'dataloader';
import { type Role, UserRole } from '../entities';
import type { LoaderScope } from '../identity.context';
import { roleById } from './role-by-id.loader';

/** A user's roles, primary (earliest assigned) first: one query for the links, one for the roles. */
export const rolesByUser = (s: LoaderScope) =>
  s.loaders.get('rolesByUser', () =>
    new DataLoader<number, Role[]>(async (userIds) => {
      const links = await s.em.find(UserRole, { userId: { $in: [...new Set(userIds)] } }, { orderBy: { id: 'asc' } });
      const roles = await roleById(s).loadMany([...new Set(links.map((l) => l.roleId))]);
      const byId = new Map(roles.filter((r): r is Role => !!r && !(r instanceof Error)).map((r) => [r.id, r]));
      return userIds.map((id) =>
        links.filter((l) => l.userId === id).flatMap((l) => (byId.has(l.roleId) ? [byId.get(l.roleId)!] : [])),
      );
    }),
  );
