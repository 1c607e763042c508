import DataLoader from 'dataloader';
import type { Menu, Role } from '../entities';
import type { LoaderScope } from '../identity.context';
import { grantCodes } from '../services/permission-codes';
import { grantsByRole } from './grants-by-role.loader';
import { menuById } from './menu-by-id.loader';
import { roleById } from './role-by-id.loader';

/** A role's codes: those given directly plus `menu.code:action` for every menu grant. */
export const permissionsByRole = (s: LoaderScope) =>
  s.loaders.get('permissionsByRole', () =>
    new DataLoader<number, string[]>(async (roleIds) => {
      const [roles, grants] = await Promise.all([
        roleById(s).loadMany(roleIds),
        grantsByRole(s).loadMany(roleIds),
      ]);
      const menuIds = [...new Set(grants.flatMap((g) => (g instanceof Error ? [] : g.map((x) => x.menuId))))];
      const menus = new Map(
        (await menuById(s).loadMany(menuIds)).filter(isEntity<Menu>).map((m) => [m.id, m]),
      );
      return roleIds.map((_, i) => {
        const role = roles[i];
        const roleGrants = grants[i];
        if (!isEntity<Role>(role) || !roleGrants || roleGrants instanceof Error) return [];
        const granted = roleGrants.flatMap((g) => {
          const menu = menus.get(g.menuId);
          return menu ? grantCodes(menu.code, g.actions) : [];
        });
        return [...new Set([...role.directPermissions, ...granted])].sort();
      });
    }),
  );

const isEntity = <T>(v: T | Error | null | undefined): v is T => !!v && !(v instanceof Error);
