import { DomainError, badInput, conflict, forbidden, unauthenticated } from '@platform/kit';

/** Identity's coded errors; each maps onto the shared vocabulary (extensions.code) with a finer `reason`. */
export const IdentityErrors = {
  invalidCredentials: () => new DomainError('INVALID_CREDENTIALS', 'Wrong login or password'),
  accountInactive: () => forbidden('The account is inactive', { reason: 'ACCOUNT_INACTIVE' }),
  tenantInactive: () => forbidden('The tenant is inactive', { reason: 'TENANT_INACTIVE' }),
  refreshTokenInvalid: () => unauthenticated('Refresh token is invalid or expired', { reason: 'INVALID_REFRESH_TOKEN' }),
  refreshTokenReused: () =>
    unauthenticated('Refresh token was already used; the session has been signed out', {
      reason: 'REFRESH_TOKEN_REUSED',
    }),
  sessionRevoked: () => unauthenticated('The session has been signed out', { reason: 'SESSION_REVOKED' }),
  accountGone: () => unauthenticated('The account no longer exists', { reason: 'ACCOUNT_GONE' }),
  registrationClosed: () => forbidden('Registration is closed for this tenant', { reason: 'REGISTRATION_CLOSED' }),
  roleChoiceNeedsAdmin: () => forbidden('Choosing a role needs an administrator', { reason: 'ROLE_NEEDS_ADMIN' }),
  taken: (field: string, value: string) => conflict(`${field} "${value}" is already taken`, { field }),
  unknownReference: (field: string, what: string) => badInput(field, `${what} does not exist`),
  outOfRange: (field: string, min: number, max: number) => badInput(field, `${field} must be between ${min} and ${max}`),
  weakPassword: (field: string, min: number) => badInput(field, `must be at least ${min} characters`),
};
