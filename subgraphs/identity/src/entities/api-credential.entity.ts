import type { Opt } from '@mikro-orm/core';
import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ObjectType } from 'type-graphql';

/** A partner's (甲方) API key; the secret signs requests (HMAC) so it is stored encrypted, never hashed. */
@ObjectType()
@Entity()
export class ApiCredential extends TenantScopedEntity {
  @Field()
  @Property({ length: 64, unique: true })
  apiKey!: string;

  /** AES-256-GCM under CREDENTIALS_KEY: `v1.<iv>.<tag>.<ciphertext>` (base64url). */
  @Property({ type: 'text', lazy: true })
  secretCiphertext!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 128, nullable: true })
  name: string | null = null;

  @Field(() => Boolean)
  @Property()
  isActive: boolean & Opt = true;

  @Field(() => Date, { nullable: true, description: 'When a request signed with this key was last verified, to within a minute.' })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
