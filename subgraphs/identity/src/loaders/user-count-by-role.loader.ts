import { UserRole } from '../entities';
import type { LoaderScope } from '../identity.context';
import { countLoader } from '@platform/kit';

export const userCountByRole = (s: LoaderScope) =>
  s.loaders.get('userCountByRole', () => countLoader(s.em, UserRole, 'roleId'));
