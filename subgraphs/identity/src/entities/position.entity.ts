import type { Opt } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** A node of the tenant's position tree (CEO > CTO > senior developer). */
@Directive('@key(fields: "id")')
@ObjectType()
@Unique({ properties: ['tenantId', 'code'] })
@Entity()
export class Position extends TenantScopedEntity {
  @Field()
  @Property({ length: 128 })
  name!: string;

  @Field()
  @Property({ length: 64 })
  code!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => Int)
  @Property()
  level!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 128, nullable: true })
  department: string | null = null;

  @Field(() => ID, { nullable: true })
  @ManyToOne(() => Position, { mapToPk: true, nullable: true, fieldName: 'parent_id' })
  parentId: (number & Opt) | null = null;
}
