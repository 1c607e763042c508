import { type Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** A team group (小组群) of an agency, led by its SPV (CCO admin § 4). */
@Directive('@key(fields: "id")')
@ObjectType()
@Entity({ tableName: 'team_group' })
@Unique({ properties: ['tenantId', 'groupCode'] })
@Index({ properties: ['tenantId', 'agencyId'] })
export class TeamGroup extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => ID)
  @Property({ type: 'integer' })
  agencyId!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  groupCode!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  groupName!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  groupNameEn?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  description?: string | null;

  /** The SPV: a staff profile (Collector) whose position is `spv`. */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  spvId?: number | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sortOrder: number & Opt = 0;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isActive: boolean & Opt = true;
}
