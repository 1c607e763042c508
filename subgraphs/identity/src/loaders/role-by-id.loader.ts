import { byKeyLoader } from '@platform/kit';
import { Role } from '../entities';
import type { LoaderScope } from '../identity.context';

export const roleById = (s: LoaderScope) => s.loaders.get('roleById', () => byKeyLoader<Role, number>(s.em, Role));
