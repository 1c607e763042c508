import { byKeyLoader } from '@platform/kit';
import { Position } from '../entities';
import type { LoaderScope } from '../identity.context';

export const positionById = (s: LoaderScope) =>
  s.loaders.get('positionById', () => byKeyLoader<Position, number>(s.em, Position));
