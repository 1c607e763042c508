import { DateTimeType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

/**
 * How many of a tenant's leads were created in each quarter of an hour (UTC): the statistics' windows (today, this
 * week, this month, the 15-day trend) for a caller who sees the whole tenant add up at most 96 rows a day instead
 * of counting the leads. Every zone's midnight falls on a quarter of an hour, so the windows stay exact in any zone,
 * and a change of zone needs no recount. Kept by creating and deleting leads (services/lead-tally.ts).
 */
@Entity({ tableName: 'lead_arrival' })
@Unique({ properties: ['tenantId', 'slot'] })
export class LeadArrival {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  tenantId!: number;

  /** The start of the quarter hour, UTC. */
  @Property({ type: DateTimeType, length: 3 })
  slot!: Date;

  @Property({ type: 'integer' })
  leads!: number;
}
