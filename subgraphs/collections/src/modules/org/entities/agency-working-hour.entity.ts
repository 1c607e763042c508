import { type Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** An agency's working hours on one day of the week (CCO admin § 13.3); the idle monitor counts within them. */
@ObjectType()
@Entity({ tableName: 'agency_working_hour' })
@Unique({ properties: ['tenantId', 'agencyId', 'dayOfWeek'] })
export class AgencyWorkingHour extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => ID)
  @Property({ type: 'integer' })
  agencyId!: number;

  @Field(() => Int, { description: '1 = Monday … 7 = Sunday.' })
  @Property({ type: 'integer' })
  dayOfWeek!: number;

  @Field(() => String, { description: 'HH:mm:ss in the agency’s time zone.' })
  @Property({ type: 'string', length: 8 })
  startTime: string & Opt = '09:00:00';

  @Field(() => String)
  @Property({ type: 'string', length: 8 })
  endTime: string & Opt = '18:00:00';

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isWorkingDay: boolean & Opt = true;
}
