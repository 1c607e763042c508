import { DateTimeType } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';

/**
 * A tenant's leads settings: the zone that decides "today", "this week" and "this month", how local times such as
 * `2024-06-01 10:00:00` are read, and when the daily reminder runs. Precedence (services/tenant-zone.ts): the zone a
 * tenant admin set here (`updateLeadsSettings`), else the tenant's zone as identity announces it (`tenant.changed`),
 * else LEADS_TIME_ZONE.
 */
@Entity({ tableName: 'leads_setting' })
@Unique({ properties: ['tenantId'] })
export class LeadsSetting extends TenantScopedEntity {
  @Property({ type: 'integer', nullable: false })
  override tenantId!: number;

  /** Set by a tenant admin for leads alone; wins over identity's zone. */
  @Property({ type: 'string', length: 64, nullable: true })
  timeZone: string | null = null;

  /** The tenant's zone from identity's latest `tenant.changed`. */
  @Property({ type: 'string', length: 64, nullable: true })
  tenantZone: string | null = null;

  /** When that event happened: an older one (redelivered, reordered) changes nothing. */
  @Property({ type: DateTimeType, length: 3, nullable: true })
  tenantZoneAsOf: Date | null = null;
}
