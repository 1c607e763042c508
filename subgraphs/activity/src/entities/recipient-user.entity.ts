import { DateTimeType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A user as identity announces them (`user.created`, `user.updated`, `user.deleted`): enough to resolve a notice's
 * `roles` recipients. Not tenant-filtered: the resolver names the tenant itself.
 */
@Entity()
export class RecipientUser {
  @PrimaryKey({ type: 'string', length: 36 })
  userId!: string;

  @Property({ type: 'integer', nullable: true, index: true })
  tenantId!: number | null;

  /** Active and not deleted: only those receive notices addressed to a role, team or agency. */
  @Property({ type: 'boolean' })
  active!: boolean;

  /** When the event last applied happened; older events are stale and ignored. */
  @Property({ type: DateTimeType, length: 3 })
  asOf!: Date;
}

/** One role code a user holds (`collector`, `TenantAdmin`, …). */
@Entity()
@Index({ properties: ['tenantId', 'roleCode'] })
export class RecipientRole {
  @PrimaryKey({ type: 'string', length: 36 })
  userId!: string;

  @PrimaryKey({ type: 'string', length: 64 })
  roleCode!: string;

  @Property({ type: 'integer', nullable: true })
  tenantId!: number | null;
}

/** A user's team and agency, from `membership.changed` (the collections subgraph owns them). */
@Entity()
@Index({ properties: ['tenantId', 'teamId'] })
@Index({ properties: ['tenantId', 'agencyId'] })
export class Membership {
  @PrimaryKey({ type: 'string', length: 36 })
  userId!: string;

  @Property({ type: 'integer', nullable: true })
  tenantId!: number | null;

  @Property({ type: 'string', length: 36, nullable: true })
  teamId!: string | null;

  @Property({ type: 'string', length: 36, nullable: true })
  agencyId!: string | null;

  @Property({ type: DateTimeType, length: 3 })
  asOf!: Date;
}

/** A tenant as identity announces it (`tenant.changed`): its code (003's X-Tenant-Id) and the zone of local times. */
@Entity()
export class KnownTenant {
  // identity's id, never generated here.
  @PrimaryKey({ type: 'integer', autoincrement: false })
  tenantId!: number;

  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Property({ type: 'string', length: 64 })
  zone!: string;

  @Property({ type: DateTimeType, length: 3 })
  asOf!: Date;
}
