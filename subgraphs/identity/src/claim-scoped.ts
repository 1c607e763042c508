import type { ClaimScopedFields } from '@platform/kit';

/**
 * User fields the router may fetch once for every subscriber sharing tenant, roles, permissions and data scope (a
 * notice's `recipient { username fullName }` fanned out to a tenant). They hold because a User entity fetch reads the
 * account row through the caller's tenant filter alone (user.reference.ts: the caller's tenant, every tenant for
 * the platform scope), the type's rule is `allow`, and these columns are answered as stored: nothing here reads the
 * caller's own user id or masks by it. Relations (tenant, position, roles, permissions) are left per caller.
 * Checked by the RBAC matrix (test/rbac.test.ts, claimScoped).
 */
export const IDENTITY_CLAIM_SCOPED: ClaimScopedFields = {
  User: ['id', 'username', 'fullName', 'nickname', 'email', 'status', 'tenantId', 'createdAt', 'updatedAt', 'lastLoginAt'],
};
