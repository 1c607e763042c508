import type { ReferenceResolvers } from '@platform/kit';
import type DataLoader from 'dataloader';
import type { IdentityContext } from '../identity.context';
import { menuById } from '../loaders/menu-by-id.loader';
import { positionById } from '../loaders/position-by-id.loader';
import { roleById } from '../loaders/role-by-id.loader';
import { tenantById } from '../loaders/tenant-by-id.loader';
import { userById } from '../loaders/user-by-id.loader';
import { parseId } from '@platform/kit';

/**
 * Entity fetches from the router (`User { username }` for other subgraphs), batched per request and read
 * within the caller's tenant like every other read: another tenant's row resolves to null.
 */
function reference<T>(loader: (ctx: IdentityContext) => DataLoader<number, T | null>) {
  return {
    __resolveReference: (ref: { id: string }, ctx: IdentityContext) => {
      const id = parseId(ref.id);
      // Anonymous requests have no tenant scope to read in.
      if (!ctx.caller || id === null) return null;
      return loader(ctx).load(id);
    },
  };
}

export const identityReferences: ReferenceResolvers = {
  User: reference(userById),
  Tenant: reference(tenantById),
  Role: reference(roleById),
  Position: reference(positionById),
  Menu: reference(menuById),
} as ReferenceResolvers;
