import { DomainError, badInput, conflict, forbidden, unauthenticated } from '@platform/kit';

/** One signed-in device as a DEVICE_LIMIT error lists it (times ISO 8601 UTC). */
export interface DeviceSummary {
  sessionId: string;
  deviceId: string | null;
  deviceName: string | null;
  deviceModel: string | null;
  lastLoginAt: string | null;
  lastSeenAt: string;
}

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
  deviceRequired: () => badInput('device', 'A sign-in on the APP channel must name its device'),
  /** Lists the signed-in devices so the app can offer to sign the oldest out (`force: true`). */
  deviceLimit: (limit: number, devices: DeviceSummary[], zone: string) =>
    conflict(`At most ${limit} devices may be signed in at once`, { reason: 'DEVICE_LIMIT', limit, devices, zone }),
  notAdminConsoleAccount: () =>
    forbidden('This account cannot sign in to the admin console', { reason: 'NOT_ADMIN_CONSOLE_ACCOUNT' }),
  notCollectorAppAccount: () =>
    forbidden('This account cannot sign in to the collector app', { reason: 'NOT_COLLECTOR_APP_ACCOUNT' }),
  ownRole: () => forbidden('You cannot change your own role', { reason: 'OWN_ROLE' }),
  /** Granting or assigning more than one holds would be privilege escalation. */
  roleBeyondOwn: (what: string) =>
    forbidden(`You cannot ${what} permissions you do not hold yourself`, { reason: 'PERMISSION_ESCALATION' }),
  /** Managing an account that holds more than oneself would be a way to take it over. */
  accountOutranksCaller: (message = 'This account holds permissions you do not hold yourself') =>
    forbidden(message, { reason: 'ACCOUNT_OUTRANKS_CALLER' }),
  /** A write on another tenant than one's own: refused outright, whether that tenant exists or not. */
  otherTenant: () => forbidden('You cannot change another tenant', { reason: 'OTHER_TENANT' }),
  selfDelete: (what: string) => forbidden(`You cannot ${what} your own account`, { reason: 'SELF_DELETE' }),
  superAdminOnly: () =>
    forbidden('Only the platform super admin may create or assign SuperAdmin', { reason: 'SUPER_ADMIN_ONLY' }),
  taken: (field: string, value: string) => conflict(`${field} "${value}" is already taken`, { field }),
  unknownReference: (field: string, what: string) => badInput(field, `${what} does not exist`),
  outOfRange: (field: string, min: number, max: number) => badInput(field, `${field} must be between ${min} and ${max}`),
  weakPassword: (field: string, min: number) => badInput(field, `${field} must be at least ${min} characters`),
  passwordTooLong: (field: string, max: number) => badInput(field, `${field} must be at most ${max} characters`),
};
