import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** How many days a lead of one intention level may go without a follow-up (002 `followup_remind_config`). */
@ObjectType()
@Entity({ tableName: 'followup_remind_config' })
@Unique({ properties: ['tenantId', 'intentionLevel'] })
export class RemindConfig extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', nullable: false })
  override tenantId!: number;

  @Field()
  @Property({ type: 'string', length: 2 })
  intentionLevel!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  intervalDays!: number;
}
