import { Position } from '../entities';
import type { LoaderScope } from '../identity.context';
import { countLoader } from '@platform/kit';

export const childCountByPosition = (s: LoaderScope) =>
  s.loaders.get('childCountByPosition', () => countLoader(s.em, Position, 'parentId'));
