import { groupLoader } from '@platform/kit';
import { Menu } from '../entities';
import type { LoaderScope } from '../identity.context';

export const menusByParent = (s: LoaderScope) =>
  s.loaders.get('menusByParent', () =>
    groupLoader<Menu, number>(s.em, Menu, 'parentId', { sortOrder: 'asc', id: 'asc' }),
  );
