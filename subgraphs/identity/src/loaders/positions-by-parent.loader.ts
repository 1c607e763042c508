import { groupLoader } from '@platform/kit';
import { Position } from '../entities';
import type { LoaderScope } from '../identity.context';

export const positionsByParent = (s: LoaderScope) =>
  s.loaders.get('positionsByParent', () => groupLoader<Position, number>(s.em, Position, 'parentId'));
