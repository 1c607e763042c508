import { groupLoader } from '@platform/kit';
import { RoleMenuGrant } from '../entities';
import type { LoaderScope } from '../identity.context';

export const grantsByRole = (s: LoaderScope) =>
  s.loaders.get('grantsByRole', () => groupLoader<RoleMenuGrant, number>(s.em, RoleMenuGrant, 'roleId'));
