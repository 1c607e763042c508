import { BASE_ROLES, CCO_ROLES } from '@platform/testkit';
import type { Caller } from '@platform/kit';
import { TENANT } from '../support/harness';

/** Every role the admin console and the app know, plus anonymous; ids as identity would give them. */
export const RBAC_ROLES: Record<string, Caller | null> = {
  anonymous: null,
  SuperAdmin: BASE_ROLES.SuperAdmin({ tenantId: TENANT, userId: '1' }),
  TenantAdmin: BASE_ROLES.TenantAdmin({ tenantId: TENANT, userId: '2' }),
  AgencyAdmin: CCO_ROLES.AgencyAdmin({ tenantId: TENANT, userId: '100' }),
  SPV: CCO_ROLES.SPV({ tenantId: TENANT, userId: '101' }),
  TeamLeader: CCO_ROLES.TeamLeader({ tenantId: TENANT, userId: '102' }),
  collector: BASE_ROLES.collector({ tenantId: TENANT, userId: '103' }),
  // Not CCO roles: a tenant's plain user and a sales user reach nothing in collections' admin operations.
  sales: BASE_ROLES.sales({ tenantId: TENANT, userId: '104' }),
};

export const ADMINS = ['SuperAdmin', 'TenantAdmin'];
/** Who reads the organisation (agencies:view etc. — AgencyAdmin and SPV; team leaders read teams and collectors). */
export const ORG_READERS = [...ADMINS, 'AgencyAdmin', 'SPV'];
/** Every admin-console role, the team leader included. */
export const CONSOLE = [...ADMINS, 'AgencyAdmin', 'SPV', 'TeamLeader'];
