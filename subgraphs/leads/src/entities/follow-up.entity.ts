import { DateTimeType } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ID, ObjectType } from 'type-graphql';

/** One follow-up of a lead (002 `follow_up_records`). */
@ObjectType()
@Entity({ tableName: 'follow_up_record' })
// A lead's records newest first (lists, the latest one, the reminder check); statistics count records and distinct
// leads by creation time, from the index alone.
@Index({ properties: ['leadId', 'followUpTime', 'id'] })
@Index({ properties: ['tenantId', 'createdAt', 'leadId'] })
export class FollowUp extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => ID)
  @Property({ type: 'integer' })
  leadId!: number;

  @Field(() => Date)
  @Property({ type: DateTimeType, length: 3 })
  followUpTime!: Date;

  @Field(() => String, { nullable: true, description: 'e.g. 电话, 微信, 面谈.' })
  @Property({ type: 'string', length: 50, nullable: true })
  method?: string | null;

  @Field()
  @Property({ type: 'text' })
  content!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  result?: string | null;

  @Field({ description: "Who followed up, as written (002 `follow_up_person`); the recorder's login by default." })
  @Property({ type: 'string', length: 100 })
  followUpPerson!: string;

  /** The user who recorded it. */
  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  recordedById!: string;
}
