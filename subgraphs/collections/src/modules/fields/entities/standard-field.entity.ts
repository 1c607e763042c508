import { type Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '@platform/kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** A standard case field (标准字段): the platform's vocabulary every tenant's display configuration draws on. */
@ObjectType()
@Entity({ tableName: 'standard_field' })
@Unique({ properties: ['fieldKey'] })
export class StandardField extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  fieldKey!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  fieldName!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  fieldNameEn?: string | null;

  @Field(() => String, { description: 'String, Integer, Decimal, Date, Datetime, Boolean, Enum.' })
  @Property({ type: 'string', length: 20 })
  fieldType!: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  fieldGroupId?: number | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isRequired: boolean & Opt = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isExtended: boolean & Opt = false;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sortOrder: number & Opt = 0;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isActive: boolean & Opt = true;
}
