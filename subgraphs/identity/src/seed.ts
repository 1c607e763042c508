import type { EntityManager } from '@mikro-orm/core';
import { isProduction } from '@platform/kit';
import type { IdentityConfig } from './config';
import { type Role, Tenant, User } from './entities';
import { ensurePlatformRole, provisionTenant } from './services/tenant-provisioning';
import { createUserRecord } from './services/user.service';

/** decisions.md "Accounts present on a fresh start": development and test only. */
export const BASE_ACCOUNTS = [
  { username: 'superadmin', password: '123456', role: 'SuperAdmin', email: null, fullName: 'Super Admin', platform: true },
  { username: 'tenantadmin', password: 'admin123', role: 'TenantAdmin', email: null, fullName: 'Tenant Admin', platform: false },
  { username: 'admin', password: 'Admin123456', role: 'admin', email: 'admin@example.com', fullName: '系统管理员', platform: false },
] as const;

export const DEMO_TENANT = { code: 'DEMO', name: 'Demo Tenant', nameEn: 'Demo Tenant', countryCode: 'PH', timezone: 8, zone: 'Asia/Manila', currencyCode: 'PHP' };

/**
 * Brings a database to its starting state; safe on every boot. Development/test: tenant DEMO with the base roles,
 * 004 menus and the three base accounts (only those missing; deleted ones stay deleted). Production never gets a
 * documented password: only the first super admin from BOOTSTRAP_ADMIN_*, and only while no account exists.
 * `em` must be in platform scope (forkForTenant(em, null)).
 */
export async function seedIdentity(em: EntityManager, config: IdentityConfig): Promise<void> {
  const superAdminRole = await ensurePlatformRole(em);
  if (isProduction(config)) return bootstrapProduction(em, config, superAdminRole);

  const demo =
    (await em.findOne(Tenant, { code: DEMO_TENANT.code }, { filters: false })) ?? em.create(Tenant, DEMO_TENANT);
  await em.flush();
  const roles = await provisionTenant(em, demo);
  for (const account of BASE_ACCOUNTS) {
    if (await em.count(User, { username: account.username }, { filters: false })) continue;
    await createUserRecord(em, {
      tenantId: account.platform ? null : demo.id,
      username: account.username,
      email: account.email,
      password: account.password,
      fullName: account.fullName,
      roles: [account.platform ? superAdminRole : roles.get(account.role)!],
    });
  }
}

async function bootstrapProduction(em: EntityManager, config: IdentityConfig, role: Role): Promise<void> {
  const username = config.BOOTSTRAP_ADMIN_USERNAME;
  const password = config.BOOTSTRAP_ADMIN_PASSWORD;
  if (!username || !password) return;
  if (await em.count(User, {}, { filters: false })) return;
  await createUserRecord(em, { tenantId: null, username, password: password.reveal(), roles: [role] });
}
