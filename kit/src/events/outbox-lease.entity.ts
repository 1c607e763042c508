import { DateTimeType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Who may publish a database's outbox now: one row per lease name, held by one relay until `expiresAt`. The holder
 * renews it while it runs; a relay that died simply stops renewing and another takes over after expiry.
 */
@Entity({ tableName: 'outbox_lease' })
export class OutboxLease {
  @PrimaryKey({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 100 })
  holder!: string;

  @Property({ type: DateTimeType, length: 3 })
  expiresAt!: Date;
}
