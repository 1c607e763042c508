import 'reflect-metadata';

export * from './config';
export * from './entities';
export type { IdentityContext, IdentityServices } from './identity.context';
export { IdentityErrors } from './identity.errors';
export { identity, identity as subgraph, type IdentityDeps, type IdentityRuntime } from './identity.subgraph';
export { listen } from './main';
export { permissions } from './permissions';
export { BASE_ACCOUNTS, DEMO_TENANT, seedIdentity } from './seed';
export { BASE_MENUS, BASE_ROLE_DEFINITIONS, basePermissionsOf, type BaseRoleDefinition } from './services/base-roles';
export { API_SECRET_CIPHER } from './identity.subgraph';
export { ACCESS_TTL_SECONDS, REFRESH_TTL_SECONDS } from './services/session.service';
export { MAX_APP_DEVICES } from './services/sign-in.service';
export { ADMIN_CONSOLE_PERMISSION } from './services/auth.service';
export { LoginAudience } from './resolvers/login-audience.enum';
export { AuthPayload } from './resolvers/auth-payload.type';
export * from './resolvers/sort.enums';
