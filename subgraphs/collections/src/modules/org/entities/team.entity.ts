import { type Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** A team (小组) of an agency, optionally in a team group, working one queue, led by its leader (CCO admin § 5). */
@Directive('@key(fields: "id")')
@ObjectType()
@Entity({ tableName: 'team' })
@Unique({ properties: ['tenantId', 'teamCode'] })
@Index({ properties: ['tenantId', 'agencyId'] })
@Index({ properties: ['tenantId', 'teamGroupId'] })
export class Team extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => ID)
  @Property({ type: 'integer' })
  agencyId!: number;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  teamGroupId?: number | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  queueId?: number | null;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  teamCode!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  teamName!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  teamNameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. 电催组 (phone), 外访组 (field visits).' })
  @Property({ type: 'string', length: 50, nullable: true })
  teamType?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  description?: string | null;

  /** The leader: a staff profile (Collector) of this team. */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  teamLeaderId?: number | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  maxCaseCount: number & Opt = 0;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isActive: boolean & Opt = true;
}
