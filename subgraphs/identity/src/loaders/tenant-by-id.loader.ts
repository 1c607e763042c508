import { byKeyLoader } from '@platform/kit';
import { Tenant } from '../entities';
import type { LoaderScope } from '../identity.context';

export const tenantById = (s: LoaderScope) => s.loaders.get('tenantById', () => byKeyLoader<Tenant, number>(s.em, Tenant));
