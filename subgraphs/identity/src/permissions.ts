import { allow, can, isAuthenticated, isSuperAdmin, or, type IRule, type IRules } from '@platform/kit';

// graphql-shield refuses two rule instances with one name, and the kit's can() makes a new one per call.
const made = new Map<string, IRule>();
const need = (code: string): IRule => made.get(code) ?? made.set(code, can(code)).get(code)!;

/**
 * Who may call what (graphql-shield, deny by default). Output types are open: they are only reachable through a
 * guarded root field or an entity fetch, and the login/register answers must be readable by anonymous callers.
 * Tenant confinement is not a rule: every read goes through the caller's tenant filter.
 */
export const identityPermissions: IRules = {
  Query: {
    me: isAuthenticated,
    user: need('users:view'),
    users: need('users:view'),
    positions: need('positions:view'),
    position: need('positions:view'),
    menus: need('menus:view'),
    myMenus: isAuthenticated,
    roles: need('roles:view'),
    role: need('roles:view'),
    rolePermissions: need('roles:view'),
    tenants: need('tenants:view'),
    tenant: need('tenants:view'),
    apiCredentials: need('tenants:update'),
    mySessions: isAuthenticated,
  },
  Mutation: {
    login: allow,
    refreshToken: allow,
    logout: isAuthenticated,
    register: allow,
    createUser: need('users:create'),
    updateUser: need('users:update'),
    deleteUser: need('users:delete'),
    resetPassword: need('users:update'),
    // The resolver checks the action's own permission (delete → users:delete, else users:update).
    batchUsers: or(need('users:delete'), need('users:update')),
    createPosition: need('positions:create'),
    updatePosition: need('positions:update'),
    deletePosition: need('positions:delete'),
    movePosition: need('positions:update'),
    createMenu: need('menus:create'),
    updateMenu: need('menus:update'),
    deleteMenu: need('menus:delete'),
    createRole: need('roles:create'),
    updateRole: need('roles:update'),
    deleteRole: need('roles:delete'),
    assignPermissions: need('roles:update'),
    createTenant: isSuperAdmin,
    updateTenant: isSuperAdmin,
    deleteTenant: isSuperAdmin,
    issueApiCredential: need('tenants:update'),
    revokeApiCredential: need('tenants:update'),
  },
  User: allow,
  Tenant: allow,
  Role: allow,
  Position: allow,
  Menu: allow,
  MenuGrant: allow,
  Permission: allow,
  RolePermissions: allow,
  AuthPayload: allow,
  UserPage: allow,
  TenantPage: allow,
  RolePage: allow,
  PositionPage: allow,
  BatchResult: allow,
  BatchFailure: allow,
  Session: isAuthenticated,
  ApiCredential: need('tenants:update'),
  IssuedApiCredential: need('tenants:update'),
};
