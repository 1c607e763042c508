import type { EntityManager } from '@mikro-orm/core';
import { SystemConfig } from '../entities/system-config.entity';
import { writeConfigRows } from './settings';

/**
 * identity's code of a tenant (`tenant.changed`), kept beside the tenant's settings under a key of its own: it is not
 * a setting (never listed or written through the settings), only what outbound calls name as X-Tenant-Code.
 */
const TENANT_CODE_KEY = 'tenant_code';

/** The tenant's code as identity last announced it; null before the first announcement. */
export async function tenantCodeOf(em: EntityManager, tenantId: number): Promise<string | null> {
  const row = await em.findOne(SystemConfig, { tenantId, configKey: TENANT_CODE_KEY });
  return typeof row?.configValue === 'string' ? row.configValue : null;
}

/** Keeps the code identity announced (in the caller's unit of work). */
export const keepTenantCode = (em: EntityManager, tenantId: number, code: string): Promise<void> => writeConfigRows(em, tenantId, [[TENANT_CODE_KEY, code]]);
