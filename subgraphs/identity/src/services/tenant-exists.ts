import type { EntityManager } from '@mikro-orm/core';
import { Tenant } from '../entities';

/** For the kit's targetTenantId: identity owns the tenants, so it checks a platform caller's choice. */
export const tenantExists = (em: EntityManager) => async (id: number) => (await em.findOne(Tenant, id)) !== null;
