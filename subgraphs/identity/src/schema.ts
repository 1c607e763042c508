import { buildFederatedSchema, type SubgraphSchema } from '@platform/kit';
import type { PubSub } from 'type-graphql';
import { identityPermissions } from './permissions';
import { ApiCredentialResolver } from './resolvers/api-credential.resolver';
import { AuthResolver } from './resolvers/auth.resolver';
import { DeviceResolver } from './resolvers/device.resolver';
import { MenuResolver } from './resolvers/menu.resolver';
import { Permission } from './resolvers/permission.type';
import { PositionFieldsResolver } from './resolvers/position-fields.resolver';
import { PositionResolver } from './resolvers/position.resolver';
import { identityReferences } from './resolvers/references';
import { RoleFieldsResolver } from './resolvers/role-fields.resolver';
import { RoleResolver } from './resolvers/role.resolver';
import { SalesUserResolver } from './resolvers/sales-user.resolver';
import { SessionFieldsResolver } from './resolvers/session-fields.resolver';
import { TenantResolver } from './resolvers/tenant.resolver';
import { UserFieldsResolver } from './resolvers/user-fields.resolver';
import { UserResolver } from './resolvers/user.resolver';

export const IDENTITY_RESOLVERS = [
  AuthResolver,
  DeviceResolver,
  SessionFieldsResolver,
  UserResolver,
  SalesUserResolver,
  UserFieldsResolver,
  PositionResolver,
  PositionFieldsResolver,
  MenuResolver,
  RoleResolver,
  RoleFieldsResolver,
  TenantResolver,
  ApiCredentialResolver,
] as const;

export function buildIdentitySchema(opts: { pubSub?: PubSub } = {}): Promise<SubgraphSchema> {
  return buildFederatedSchema({
    resolvers: [...IDENTITY_RESOLVERS],
    orphanedTypes: [Permission],
    references: identityReferences,
    permissions: identityPermissions,
    pubSub: opts.pubSub,
  });
}
