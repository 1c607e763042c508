import { byKeyLoader } from '@platform/kit';
import { User } from '../entities';
import type { LoaderScope } from '../identity.context';

export const userById = (s: LoaderScope) => s.loaders.get('userById', () => byKeyLoader<User, number>(s.em, User));
