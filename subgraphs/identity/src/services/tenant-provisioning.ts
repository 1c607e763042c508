import type { EntityManager } from '@mikro-orm/core';
import { recordEvent } from '@platform/kit';
import { Menu, Role, RoleMenuGrant, type Tenant } from '../entities';
import { BASE_MENUS, BASE_ROLE_DEFINITIONS, type BaseRoleDefinition } from './base-roles';
import { TENANT_CHANGED, type TenantChangedPayload } from './identity.events';

/** The platform's own SuperAdmin role (no tenant). Idempotent. */
export async function ensurePlatformRole(em: EntityManager): Promise<Role> {
  const def = BASE_ROLE_DEFINITIONS.find((d) => d.platform)!;
  return (await em.findOne(Role, { tenantId: null, code: def.code })) ?? createRole(em, null, def);
}

/**
 * Gives a tenant the base menus and roles (with their grants) it lacks, and announces it (`tenant.changed`).
 * Idempotent; roles that already exist keep whatever grants their admins have given them since.
 */
export async function provisionTenant(em: EntityManager, tenant: Tenant): Promise<Map<string, Role>> {
  const menus = new Map<string, Menu>();
  for (const def of BASE_MENUS) {
    const menu =
      (await em.findOne(Menu, { tenantId: tenant.id, code: def.code })) ??
      em.create(Menu, { tenantId: tenant.id, ...def, permission: `${def.code}:view` });
    menus.set(def.code, menu);
  }
  await em.flush();

  const roles = new Map<string, Role>();
  for (const def of BASE_ROLE_DEFINITIONS.filter((d) => !d.platform)) {
    const existing = await em.findOne(Role, { tenantId: tenant.id, code: def.code });
    const role = existing ?? (await createRole(em, tenant.id, def));
    roles.set(def.code, role);
    if (existing) continue;
    for (const [menuCode, actions] of Object.entries(def.grants)) {
      em.create(RoleMenuGrant, { tenantId: tenant.id, roleId: role.id, menuId: menus.get(menuCode)!.id, actions: actions ?? [] });
    }
  }
  announceTenant(em, tenant);
  await em.flush();
  return roles;
}

/** Records `tenant.changed` (its code and zone) in the caller's unit of work; provisioning announces every tenant. */
export function announceTenant(em: EntityManager, tenant: Tenant): void {
  const payload: TenantChangedPayload = { tenantId: tenant.id, code: tenant.code, zone: tenant.zone };
  recordEvent(em, { topic: TENANT_CHANGED, tenantId: tenant.id, aggregateId: tenant.id, payload });
}

async function createRole(em: EntityManager, tenantId: number | null, def: BaseRoleDefinition): Promise<Role> {
  const role = em.create(Role, {
    tenantId,
    code: def.code,
    name: def.name,
    description: def.description,
    directPermissions: def.permissions,
    dataScope: def.scope,
    isSystem: true,
  });
  await em.flush();
  return role;
}
