import type { EntityManager } from '@mikro-orm/core';
import { Tenant } from '../entities';
import { IdentityErrors } from '../identity.errors';

/**
 * The one password policy, for every way a password is set (register, create, update, reset): at least the
 * tenant's minimum (decisions.md: 6 by default, configurable per tenant), at most what login accepts, so no path
 * stores a password that sign-in then refuses.
 */
export const PASSWORD_POLICY = { defaultMinLength: 6, maxLength: 256 } as const;

/** The bounds a tenant's own minimum may take. */
export const TENANT_MIN_LENGTH_BOUNDS = { min: PASSWORD_POLICY.defaultMinLength, max: 128 } as const;

/** The minimum length in force for accounts of `tenantId` (platform accounts: the default). */
export async function passwordMinLength(em: EntityManager, tenantId: number | null): Promise<number> {
  if (tenantId === null) return PASSWORD_POLICY.defaultMinLength;
  const tenant = await em.findOne(Tenant, tenantId, { fields: ['passwordMinLength'], filters: false });
  return Math.max(PASSWORD_POLICY.defaultMinLength, tenant?.passwordMinLength ?? 0);
}

/** BAD_USER_INPUT naming `field` unless `password` meets the policy of the account's tenant. */
export async function assertPasswordPolicy(
  em: EntityManager,
  tenantId: number | null,
  password: string,
  field: string,
): Promise<void> {
  if (password.length > PASSWORD_POLICY.maxLength) throw IdentityErrors.passwordTooLong(field, PASSWORD_POLICY.maxLength);
  const min = await passwordMinLength(em, tenantId);
  if (password.length < min) throw IdentityErrors.weakPassword(field, min);
}
