import type { EntityManager } from '@mikro-orm/core';
import type { CredentialCipher, OperationLimits, RequestContext, RevocationList, SubgraphContext, TokenSigner } from '@platform/kit';
import type { IdentityConfig } from './config';
import type { FaceVerifier } from './services/face/face-verifier';
import type { AuthLimitClass } from './services/auth-limits';
import type { PartnerLimitClass } from './services/partner-signature';

/** What identity's resolvers need beyond the shared request context; built once per runtime. */
export interface IdentityServices {
  config: IdentityConfig;
  signer: TokenSigner;
  revocations: RevocationList;
  cipher: CredentialCipher;
  /** Bound faces' templates at rest (their own key, derived from CREDENTIALS_KEY). */
  faceCipher: CredentialCipher;
  /** Face sign-in's provider (FACE_PROVIDER). */
  faces: FaceVerifier;
  /** Login, refresh and register limits, shared through Redis when REDIS_URL is set. */
  limits: OperationLimits<AuthLimitClass>;
  /** Partner pushes per key and the signatures seen (replays), shared through Redis when REDIS_URL is set. */
  partnerLimits: OperationLimits<PartnerLimitClass>;
  /** An EntityManager across every tenant, for the few operations that precede a tenant (login, refresh). */
  platformEm(): EntityManager;
}

export interface IdentityContext extends SubgraphContext<IdentityServices> {
  /** Recorded on the sessions a login opens; see clientAddressOf. */
  clientAddress?: string | null;
}

/** The slice loaders need, so services can run them on an EntityManager of their own. */
export type LoaderScope = Pick<RequestContext, 'em' | 'loaders'>;
