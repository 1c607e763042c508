import { User } from '../entities';
import type { LoaderScope } from '../identity.context';
import { countLoader } from '@platform/kit';

export const userCountByPosition = (s: LoaderScope) =>
  s.loaders.get('userCountByPosition', () => countLoader(s.em, User, 'positionId'));
