import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ObjectType } from 'type-graphql';
import { LoginChannel } from './enums';
import { User } from './user.entity';

/**
 * One signed-in device. The refresh token is `<family>.<secret>`: only SHA-256 of the current secret is kept, so a
 * token presented for the family that does not match the current hash is an old one (reuse) and ends the session.
 */
@ObjectType()
@Entity()
export class Session extends TenantScopedEntity {
  @ManyToOne(() => User, { mapToPk: true, fieldName: 'user_id', deleteRule: 'cascade' })
  userId!: number;

  @Field(() => LoginChannel)
  @Property({ type: 'string', length: 8 })
  channel!: LoginChannel;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 128, nullable: true })
  deviceId: string | null = null;

  @Field(() => String, { nullable: true, description: 'A name the app shows for the device.' })
  @Property({ type: 'string', length: 128, nullable: true })
  deviceName: string | null = null;

  @Field(() => String, { nullable: true, description: 'Collector app `device_type`, e.g. mobile or tablet.' })
  @Property({ type: 'string', length: 32, nullable: true })
  deviceType: string | null = null;

  @Field(() => String, { nullable: true, description: 'Collector app `device_model`, e.g. iPhone 13.' })
  @Property({ type: 'string', length: 128, nullable: true })
  deviceModel: string | null = null;

  @Field(() => String, { nullable: true, description: 'Collector app `os_version`, e.g. iOS 16.0.' })
  @Property({ type: 'string', length: 64, nullable: true })
  osVersion: string | null = null;

  @Field(() => String, { nullable: true, description: 'Collector app `app_version`.' })
  @Property({ type: 'string', length: 32, nullable: true })
  appVersion: string | null = null;

  /** A re-login from the same device reuses the session (its slot), so this moves while createdAt stays. */
  @Field(() => Date, { nullable: true, description: 'The latest sign-in on this session (null for sessions older than the field).' })
  @Property({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null = null;

  /** For the user's device list and audits only; it decides nothing (a caller can put anything in X-Forwarded-For). */
  @Field(() => String, { nullable: true, description: 'Client address of the latest sign-in (first X-Forwarded-For hop).' })
  @Property({ type: 'string', length: 64, nullable: true })
  clientAddress: string | null = null;

  /**
   * The session as access tokens and the shared revocation list name it. Random, not the row id: ids restart
   * with a database while revocations in Redis outlive it, and a guessable id would let anyone aim at a session.
   */
  @Property({ length: 36, unique: true })
  sid: string & Opt = randomUUID();

  /** Random public half of every refresh token of this session; not in access tokens. */
  @Property({ length: 32, unique: true })
  family!: string;

  @Property({ length: 64 })
  refreshHash!: string;

  @Property({ type: 'datetime' })
  refreshExpiresAt!: Date;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  lastSeenAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  revokeReason: string | null = null;
}
