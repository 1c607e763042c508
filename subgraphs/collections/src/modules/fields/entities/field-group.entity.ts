import { type Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '@platform/kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** A group of standard fields (客户基础信息 …), a tree by `parentId`; platform-wide, like the standard fields. */
@ObjectType()
@Entity({ tableName: 'field_group' })
@Unique({ properties: ['groupKey'] })
export class FieldGroup extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  groupKey!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  groupName!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  groupNameEn?: string | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  parentId?: number | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sortOrder: number & Opt = 0;
}
