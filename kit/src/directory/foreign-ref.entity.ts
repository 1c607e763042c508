import { DateTimeType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * One entity another subgraph owns, as far as this subgraph needs to know it: that it exists and in which tenant.
 * Fed by the owner's events (see foreignRefConsumer), so checking a reference needs no call to the owner.
 * Not tenant-filtered: the check itself compares tenants, and must tell "absent" from "another tenant's" to no one.
 */
@Entity({ tableName: 'foreign_ref' })
export class ForeignRef {
  /** The owner's type name, e.g. `User`. */
  @PrimaryKey({ type: 'string', length: 50 })
  entity!: string;

  @PrimaryKey({ type: 'string', length: 36 })
  refId!: string;

  /** null: a platform-level entity (the super admin's account). */
  @Property({ type: 'string', length: 36, nullable: true })
  tenantId!: string | null;

  /** false once the owner announced its removal; the row stays so a late, older event cannot bring it back. */
  @Property({ type: 'boolean' })
  present!: boolean;

  /** When the event last applied happened; an event older than this is stale and ignored. */
  @Property({ type: DateTimeType, length: 3 })
  asOf!: Date;
}
