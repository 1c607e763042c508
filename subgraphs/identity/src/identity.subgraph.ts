import { join } from 'node:path';
import { clientAddressOf, createOperationLimits, CredentialCipher, defineSubgraph, limitsOf, type CipherPurpose, type RunningSubgraph, type SubgraphDeps } from '@platform/kit';
import { identityConfigSchema, type IdentityConfig } from './config';
import { IDENTITY_ENTITIES } from './entities';
import type { IdentityContext, IdentityServices } from './identity.context';
import { IDENTITY_CLAIM_SCOPED } from './claim-scoped';
import { permissions } from './permissions';
import { ApiCredentialResolver } from './resolvers/api-credential.resolver';
import { AuthResolver } from './resolvers/auth.resolver';
import { FaceSignInResolver } from './resolvers/face-sign-in.resolver';
import { MyAccountResolver } from './resolvers/my-account.resolver';
import { DeviceResolver } from './resolvers/device.resolver';
import { menuReference } from './resolvers/menu.reference';
import { MenuResolver } from './resolvers/menu.resolver';
import { PartnerVerificationResolver } from './resolvers/partner-verification.resolver';
import { Permission } from './resolvers/permission.type';
import { PositionFieldsResolver } from './resolvers/position-fields.resolver';
import { positionReference } from './resolvers/position.reference';
import { PositionResolver } from './resolvers/position.resolver';
import { RoleFieldsResolver } from './resolvers/role-fields.resolver';
import { roleReference } from './resolvers/role.reference';
import { RoleResolver } from './resolvers/role.resolver';
import { SalesUserResolver } from './resolvers/sales-user.resolver';
import { SessionFieldsResolver } from './resolvers/session-fields.resolver';
import { StaffAccountResolver } from './resolvers/staff-account.resolver';
import { tenantReference } from './resolvers/tenant.reference';
import { TenantResolver } from './resolvers/tenant.resolver';
import { UserFieldsResolver } from './resolvers/user-fields.resolver';
import { userReference } from './resolvers/user.reference';
import { UserResolver } from './resolvers/user.resolver';
import { seedIdentity } from './seed';
import { AUTH_RATE_CLASSES } from './services/auth-limits';
import { createPartnerLimits } from './services/partner-signature';
import { faceVerifierFor } from './services/face/face-verifiers';

/** Partner API secrets' key (the HKDF labels their stored ciphertexts were written with). */
export const API_SECRET_CIPHER: CipherPurpose = { salt: 'platform-identity', info: 'api-credential-secret' };

/** Bound faces' templates. */
export const FACE_TEMPLATE_CIPHER: CipherPurpose = { salt: 'platform-identity', info: 'face-template' };

/** Accounts, tenants, roles, positions, menus, sessions and partner API credentials. */
export const identity = defineSubgraph({
  name: 'identity',
  config: identityConfigSchema,
  entities: IDENTITY_ENTITIES,
  resolvers: [
    AuthResolver,
    FaceSignInResolver,
    MyAccountResolver,
    DeviceResolver,
    SessionFieldsResolver,
    UserResolver,
    StaffAccountResolver,
    SalesUserResolver,
    UserFieldsResolver,
    PositionResolver,
    PositionFieldsResolver,
    MenuResolver,
    RoleResolver,
    RoleFieldsResolver,
    TenantResolver,
    ApiCredentialResolver,
    PartnerVerificationResolver,
  ],
  orphanedTypes: [Permission],
  references: {
    User: userReference,
    Tenant: tenantReference,
    Role: roleReference,
    Position: positionReference,
    Menu: menuReference,
  },
  permissions,
  claimScoped: IDENTITY_CLAIM_SCOPED,
  // Sign-in records its sessions and revocations even when it then refuses (a replayed refresh token ends the session).
  ownTransactions: ['login', 'faceLogin', 'refreshToken', 'logout', 'verifyPartnerRequest'],
  migrations: join(__dirname, 'migrations'),
  seed: (em, config) => seedIdentity(em, config),
  services: ({ config, signer, revocations, platformEm, logger }): IdentityServices => ({
    config,
    signer,
    revocations,
    cipher: new CredentialCipher(config.CREDENTIALS_KEY, API_SECRET_CIPHER),
    faceCipher: new CredentialCipher(config.CREDENTIALS_KEY, FACE_TEMPLATE_CIPHER),
    faces: faceVerifierFor(config),
    limits: createOperationLimits({
      limits: limitsOf(config.RATE_LIMITS, AUTH_RATE_CLASSES),
      redisUrl: config.REDIS_URL,
      keyPrefix: config.RATE_LIMIT_PREFIX,
      logger,
    }),
    partnerLimits: createPartnerLimits(config.RATE_LIMITS, config.REDIS_URL, config.RATE_LIMIT_PREFIX, logger),
    platformEm,
  }),
  closeServices: async (services) => {
    await services.limits.close();
    await services.partnerLimits.close();
  },
  // Recorded on the sessions a login opens.
  context: (headers) => ({ clientAddress: clientAddressOf(headers) }),
});

export type IdentityRuntime = RunningSubgraph<IdentityConfig, IdentityServices, IdentityContext>;
export type IdentityDeps = SubgraphDeps;
