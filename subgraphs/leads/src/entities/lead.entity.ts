import { DateTimeType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A customer lead (002 `customer_leads`). Who sees it depends on the caller's role (services/lead-visibility.ts). */
@Directive('@key(fields: "id")')
@ObjectType()
@Entity({ tableName: 'customer_lead' })
// The list is the tenant's newest first, often narrowed to a registrant or a follower; statistics count a caller's own
// leads by creation time, and the leads ended today by updated_at.
@Index({ properties: ['tenantId', 'createdAt'] })
@Index({ properties: ['tenantId', 'registrantId', 'createdAt'] })
@Index({ properties: ['tenantId', 'followerId', 'createdAt'] })
@Index({ properties: ['tenantId', 'leadTime'] })
// The list's usual filter (level, deal, lead_time days): its count reads the index alone.
@Index({ properties: ['tenantId', 'intentionLevel', 'isDeal', 'leadTime'] })
@Index({ properties: ['tenantId', 'endFollowup', 'updatedAt'] })
export class Lead extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field()
  @Property({ type: 'string', length: 100 })
  customerNickname!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  sourcePlatform?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  sourceAccount?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  contactAccount?: string | null;

  @Field(() => Date, { description: 'When the lead came in.' })
  @Property({ type: DateTimeType, length: 3 })
  leadTime!: Date;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isContacted: boolean & Opt = false;

  @Field({ description: '高, 中 or 低.' })
  @Property({ type: 'string', length: 2 })
  intentionLevel!: string;

  /** The registrant (002 `follow_up_person`): the user who created the lead, from the token. */
  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  registrantId!: string;

  /** The sales user following the lead up (002 `current_follower`). */
  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  followerId!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isDeal: boolean & Opt = false;

  @Field(() => String, { nullable: true, description: 'yyyy-MM-dd, when a deal was made.' })
  @Property({ type: 'string', length: 10, nullable: true })
  dealDate?: string | null;

  @Field(() => Boolean, { description: 'Due for a follow-up in the current cycle; a new follow-up or ending follow-up clears it.' })
  @Property({ type: 'boolean' })
  needFollowup: boolean & Opt = true;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  endFollowup: boolean & Opt = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  endFollowupReason?: string | null;

  // Written by the services from their clock, not by the kit's onUpdate hook: "leads ended today" (statistics) is
  // counted by it, in the clock the rest of the lead's times come from.
  @Field(() => Date)
  @Property({ type: DateTimeType, length: 3 })
  override updatedAt: Date & Opt = new Date();
}
