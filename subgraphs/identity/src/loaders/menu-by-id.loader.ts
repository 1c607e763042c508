import { byKeyLoader } from '@platform/kit';
import { Menu } from '../entities';
import type { LoaderScope } from '../identity.context';

export const menuById = (s: LoaderScope) => s.loaders.get('menuById', () => byKeyLoader<Menu, number>(s.em, Menu));
