import { User } from '../entities';
import type { LoaderScope } from '../identity.context';
import { groupCountLoader } from './group-count';

export const userCountByPosition = (s: LoaderScope) =>
  s.loaders.get('userCountByPosition', () => groupCountLoader(s.em, User, 'positionId'));
