import type { Opt } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** A menu entry; grants of action `x` on it are the permission code `<code>:x`. */
@Directive('@key(fields: "id")')
@ObjectType()
@Unique({ properties: ['tenantId', 'code'] })
@Entity()
export class Menu extends TenantScopedEntity {
  @Field()
  @Property({ length: 128 })
  name!: string;

  @Field({ description: 'e.g. "employees": grants on it are "employees:<action>"' })
  @Property({ length: 64 })
  code!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  path: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  icon: string | null = null;

  @Field(() => ID, { nullable: true })
  @ManyToOne(() => Menu, { mapToPk: true, nullable: true, fieldName: 'parent_id' })
  parentId: (number & Opt) | null = null;

  @Field(() => Int)
  @Property()
  sortOrder: number & Opt = 0;

  @Field(() => String, { nullable: true, description: 'The code that shows it, e.g. "employees:view".' })
  @Property({ type: 'string', length: 128, nullable: true })
  permission: string | null = null;

  @Field(() => Boolean)
  @Property()
  isVisible: boolean & Opt = true;
}
