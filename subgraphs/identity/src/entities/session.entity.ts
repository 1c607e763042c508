import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwnedEntity } from './base.entity';
import { LoginChannel } from './enums';
import { User } from './user.entity';

/**
 * One signed-in device. The refresh token is `<family>.<secret>`: only SHA-256 of the current secret is kept, so a
 * token presented for the family that does not match the current hash is an old one (reuse) and ends the session.
 */
@ObjectType()
@Entity()
export class Session extends TenantOwnedEntity {
  @ManyToOne(() => User, { mapToPk: true, fieldName: 'user_id', deleteRule: 'cascade' })
  userId!: number;

  @Field(() => LoginChannel)
  @Property({ type: 'string', length: 8 })
  channel!: LoginChannel;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 128, nullable: true })
  deviceId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 128, nullable: true })
  deviceName: string | null = null;

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
