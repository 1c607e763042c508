import type { Opt } from '@mikro-orm/core';
import { Entity, Filter, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity, softDeleteFilter } from '@platform/kit';
import { Directive, Field, ObjectType } from 'type-graphql';
import { UserStatus } from './enums';
import { Position } from './position.entity';

/** How a login id is compared: case-insensitively, Unicode-normalised. */
export const loginKeyOf = (username: string): string => username.normalize('NFKC').toLowerCase();

/** An account: employee (004), lead user (002), admin or collector (CCO). Null tenant = platform super admin. */
@Directive('@key(fields: "id")')
@ObjectType()
@Filter(softDeleteFilter)
@Entity()
export class User extends TenantScopedEntity {
  @Field({ description: 'Login id, unique platform-wide (004/002 username, CCO loginId).' })
  @Property({ length: 64, unique: true })
  username!: string;

  /**
   * The username as sign-in and uniqueness compare it (lower case): `Admin` and `admin` cannot both exist, on
   * SQLite (case-sensitive) as on MariaDB (case-insensitive collation). Derived, never set by hand.
   */
  @Property({ length: 64, unique: true, onCreate: (user: User) => loginKeyOf(user.username) })
  loginKey!: string & Opt;

  @Field(() => String, { nullable: true, description: 'Unique platform-wide when set.' })
  @Property({ type: 'string', length: 255, nullable: true, unique: true })
  email: string | null = null;

  /** argon2id; never leaves this subgraph. */
  @Property({ length: 255, lazy: true })
  passwordHash!: string;

  @Field(() => String, { nullable: true, description: '004 full_name, CCO name; 002 nickname is the same value.' })
  @Property({ type: 'string', length: 128, nullable: true })
  fullName: string | null = null;

  @Field(() => UserStatus)
  @Property({ type: 'string', length: 16 })
  status: UserStatus & Opt = UserStatus.active;

  @ManyToOne(() => Position, { mapToPk: true, nullable: true, fieldName: 'position_id' })
  positionId: (number & Opt) | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null = null;

  /**
   * The bound face (collector app face sign-in): the face provider's template, AES-256-GCM under CREDENTIALS_KEY
   * (`faceProvider:ciphertext`); never leaves this subgraph.
   */
  @Property({ type: 'text', nullable: true, lazy: true })
  faceTemplate: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the account last bound a face for face sign-in; null if it has none.' })
  @Property({ type: 'datetime', nullable: true })
  faceBoundAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  deletedAt: Date | null = null;
}
