import { DateTimeType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * What leads needs of identity's users beyond the directory's existence check (kit `foreign_ref`): whether they hold
 * the `sales` role, since only a sales user may follow a lead up (002 `current_follower`). Fed by `user.created`,
 * `user.updated` and `user.deleted` (consumers/identity.consumer.ts). Not tenant-filtered: the follower check
 * compares tenants through the directory first.
 */
@Entity({ tableName: 'known_user' })
export class KnownUser {
  @PrimaryKey({ type: 'string', length: 36 })
  userId!: string;

  @Property({ type: 'integer', nullable: true })
  tenantId!: number | null;

  /** Holds the `sales` role (and is not deleted). */
  @Property({ type: 'boolean' })
  sales!: boolean;

  /** When the event last applied happened; an older one is stale and ignored. */
  @Property({ type: DateTimeType, length: 3 })
  asOf!: Date;
}
