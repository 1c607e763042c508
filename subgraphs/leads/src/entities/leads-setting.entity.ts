import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ObjectType } from 'type-graphql';

/**
 * A tenant's leads settings. Its time zone decides "today", "this week" and "this month", how local times such as
 * `2024-06-01 10:00:00` are read, and when the daily reminder runs. A tenant without a row uses LEADS_TIME_ZONE.
 */
@ObjectType()
@Entity({ tableName: 'leads_setting' })
@Unique({ properties: ['tenantId'] })
export class LeadsSetting extends TenantScopedEntity {
  @Property({ type: 'integer', nullable: false })
  override tenantId!: number;

  @Field({ description: 'IANA time zone, e.g. Asia/Shanghai.' })
  @Property({ type: 'string', length: 64 })
  timeZone!: string;
}
