import { Position } from '../entities';
import type { LoaderScope } from '../identity.context';
import { groupCountLoader } from './group-count';

export const childCountByPosition = (s: LoaderScope) =>
  s.loaders.get('childCountByPosition', () => groupCountLoader(s.em, Position, 'parentId'));
