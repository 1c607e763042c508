import { UserRole } from '../entities';
import type { LoaderScope } from '../identity.context';
import { groupCountLoader } from './group-count';

export const userCountByRole = (s: LoaderScope) =>
  s.loaders.get('userCountByRole', () => groupCountLoader(s.em, UserRole, 'roleId'));
