import { JsonType } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';

export const OUTBOUND_AUTH_KINDS = ['hmac', 'oauth2'] as const;
export type OutboundAuthKind = (typeof OUTBOUND_AUTH_KINDS)[number];

/**
 * How the platform reaches a tenant's core system (decisions.md § CCO, added admin route `PUT …/integration`): its
 * base URL, the addresses its pushes may come from, and how our outbound calls authenticate. Secrets (`api_secret`,
 * `client_secret`) are kept encrypted (CredentialCipher) and never answered or logged.
 */
@Entity({ tableName: 'tenant_integration' })
@Unique({ properties: ['tenantId'] })
export class TenantIntegration extends TenantScopedEntity {
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Property({ type: 'string', length: 500 })
  coreBaseUrl!: string;

  /** Addresses and CIDRs the tenant's pushes may come from; empty allows every address. */
  @Property({ type: JsonType })
  ipWhitelist!: string[];

  @Property({ type: 'string', length: 16 })
  authKind!: OutboundAuthKind;

  /** hmac: our X-Api-Key; oauth2: the client id. */
  @Property({ type: 'string', length: 200 })
  authId!: string;

  /** hmac: the signing secret; oauth2: the client secret. AES-256-GCM under CREDENTIALS_KEY. */
  @Property({ type: 'text', lazy: true })
  secretCiphertext!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  tokenUrl?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  scope?: string | null;
}
