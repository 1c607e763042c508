import { groupLoader } from '@platform/kit';
import { User } from '../entities';
import type { LoaderScope } from '../identity.context';

export const usersByPosition = (s: LoaderScope) =>
  s.loaders.get('usersByPosition', () => groupLoader<User, number>(s.em, User, 'positionId'));
