import { type Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** Which case fields a queue shows and requires, in which order (CCO admin § 7.3). */
@ObjectType()
@Entity({ tableName: 'queue_field_config' })
@Unique({ properties: ['tenantId', 'queueId', 'fieldKey'] })
export class QueueFieldConfig extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => ID)
  @Property({ type: 'integer' })
  queueId!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  fieldKey!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isVisible: boolean & Opt = true;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isRequired: boolean & Opt = false;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sortOrder: number & Opt = 0;
}
