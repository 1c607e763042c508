import { type Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** How a tenant shows one field in one scene (admin case list, app case detail …) (CCO admin § 9.4). */
@ObjectType()
@Entity({ tableName: 'field_display' })
@Unique({ properties: ['tenantId', 'sceneType', 'fieldKey'] })
@Index({ properties: ['tenantId', 'sceneType', 'sortOrder'] })
export class FieldDisplay extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  sceneType!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  fieldKey!: string;

  @Field(() => String, { description: 'The tenant’s name for the field (export headers use it).' })
  @Property({ type: 'string', length: 100 })
  fieldName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 20 })
  fieldDataType: string & Opt = 'String';

  @Field(() => String, { description: 'standard or custom.' })
  @Property({ type: 'string', length: 20 })
  fieldSource: string & Opt = 'standard';

  @Field(() => Int)
  @Property({ type: 'integer' })
  sortOrder: number & Opt = 0;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  displayWidth?: number | null;

  @Field(() => String)
  @Property({ type: 'string', length: 20 })
  colorType: string & Opt = 'normal';

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isSearchable: boolean & Opt = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isFilterable: boolean & Opt = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isRangeSearchable: boolean & Opt = false;
}
