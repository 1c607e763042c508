import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';

/**
 * One row per tenant and local day the daily reminder ran. Every instance shares the database, so the unique key
 * lets exactly one of them claim the day's run (the others' insert fails): one e-mail per recipient, not one per
 * instance, with or without Redis.
 */
@Entity({ tableName: 'reminder_run' })
@Unique({ properties: ['tenantId', 'day'] })
export class ReminderRun extends TenantScopedEntity {
  @Property({ type: 'integer', nullable: false })
  override tenantId!: number;

  /** yyyy-MM-dd in the tenant's zone. */
  @Property({ type: 'string', length: 10 })
  day!: string;

  @Property({ type: 'integer' })
  overdueCount!: number;
}
