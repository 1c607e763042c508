import { randomUUID } from 'node:crypto';
import { basePermissionsOf, BASE_ROLE_DEFINITIONS } from '@platform/identity';
import type { Caller, DataScope, TokenSigner } from '@platform/kit';

export interface CallerSpec {
  /** Role code, e.g. `admin`; becomes the caller's only role. */
  role: string;
  /** null for platform accounts. */
  tenantId: string | null;
  userId: string;
  permissions: string[];
  username?: string;
  scope?: DataScope;
  sessionId?: string;
}

/** A Caller as identity would put it in an access token. */
export function callerFor(spec: CallerSpec): Caller {
  return {
    userId: spec.userId,
    username: spec.username ?? spec.role.toLowerCase(),
    tenantId: spec.tenantId,
    roles: [spec.role],
    permissions: spec.permissions,
    scope: spec.scope ?? (spec.tenantId === null ? 'platform' : 'tenant'),
    sessionId: spec.sessionId ?? randomUUID(),
  };
}

/** A signed access token for the caller (or spec), as if identity had issued it. */
export function tokenFor(signer: TokenSigner, spec: CallerSpec | Caller, ttlSeconds = 3600): string {
  const caller = 'role' in spec ? callerFor(spec) : spec;
  return signer.signAccess(caller, ttlSeconds);
}

/** `{ authorization: 'Bearer …' }` for a caller; `{}` for anonymous. */
export function authHeaders(signer: TokenSigner, caller: Caller | null): Record<string, string> {
  return caller ? { authorization: `Bearer ${tokenFor(signer, caller)}` } : {};
}

export type BaseRole = 'SuperAdmin' | 'TenantAdmin' | 'admin' | 'user' | 'sales' | 'service' | 'collector';

export interface BaseRoleOptions {
  /** The tenant of every role but SuperAdmin (identity's seeded DEMO is `1` on a fresh database). */
  tenantId: string;
  userId?: string;
  username?: string;
}

function baseCaller(role: BaseRole | CcoRole, opts: BaseRoleOptions): Caller {
  const def = BASE_ROLE_DEFINITIONS.find((d) => d.code === role)!;
  return callerFor({
    role,
    tenantId: def.platform ? null : opts.tenantId,
    userId: opts.userId ?? `${role}-user`,
    username: opts.username,
    permissions: basePermissionsOf(role),
    scope: def.scope,
  });
}

/**
 * Callers holding each base role of decisions.md with exactly the permissions identity seeds for it:
 * `BASE_ROLES.admin({ tenantId })`. Pass real user ids where a test reads the caller's own account.
 */
export const BASE_ROLES: Record<BaseRole, (opts: BaseRoleOptions) => Caller> = {
  SuperAdmin: (o) => baseCaller('SuperAdmin', o),
  TenantAdmin: (o) => baseCaller('TenantAdmin', o),
  admin: (o) => baseCaller('admin', o),
  user: (o) => baseCaller('user', o),
  sales: (o) => baseCaller('sales', o),
  service: (o) => baseCaller('service', o),
  collector: (o) => baseCaller('collector', o),
};

/** The CCO organisation's roles (identity seeds them in every tenant); their reach narrows by staff profile. */
export type CcoRole = 'AgencyAdmin' | 'SPV' | 'TeamLeader';

/** `CCO_ROLES.SPV({ tenantId, userId })`: a caller with exactly the permissions and scope identity gives the role. */
export const CCO_ROLES: Record<CcoRole, (opts: BaseRoleOptions) => Caller> = {
  AgencyAdmin: (o) => baseCaller('AgencyAdmin', o),
  SPV: (o) => baseCaller('SPV', o),
  TeamLeader: (o) => baseCaller('TeamLeader', o),
};

/** Every base role's caller plus `anonymous: null`, ready for `rbacMatrix({ roles })`. */
export function baseRoleCallers(
  tenantId: string,
  userIds: Partial<Record<BaseRole, string>> = {},
): Record<BaseRole | 'anonymous', Caller | null> {
  const out = { anonymous: null } as Record<BaseRole | 'anonymous', Caller | null>;
  for (const role of Object.keys(BASE_ROLES) as BaseRole[]) {
    out[role] = BASE_ROLES[role]({ tenantId, userId: userIds[role] });
  }
  return out;
}
