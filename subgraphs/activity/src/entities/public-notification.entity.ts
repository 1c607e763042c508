import { DateTimeType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * An announcement to everyone in the tenant (CCO 10.4/10.5, collector app 7.5), or to every tenant's users when
 * platform-wide (no tenant), shown within its window and pushed live once when it takes effect.
 */
@ObjectType()
@Entity()
// The collector app's list: enabled ones whose window holds now.
@Index({ properties: ['tenantId', 'enabled', 'effectiveStart'] })
// The publishing job's scan: not yet published, already started.
@Index({ properties: ['publishedAt', 'effectiveStart'] })
export class PublicNotification extends TenantScopedEntity {
  @Field(() => ID, { nullable: true, description: 'null: platform-wide, shown to the users of every tenant.' })
  @Property({ type: 'integer', index: true, nullable: true })
  override tenantId!: number | null;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field()
  @Property({ type: 'text' })
  content!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  forcedRead: boolean & Opt = false;

  @Field(() => Date)
  @Property({ type: DateTimeType, length: 3 })
  effectiveStart!: Date;

  @Field(() => Date, { nullable: true, description: 'null: until disabled.' })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  effectiveEnd?: Date | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  enabled: boolean & Opt = true;

  @Property({ type: 'string', length: 36, nullable: true })
  createdBy?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was pushed live to its subscribers (null: not in effect yet).' })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  publishedAt?: Date | null;

  /**
   * Where it sits among notifications for a subscriber's cursor: the highest notification id when it was published.
   * A feed orders notice n at (n.id, 0) and this announcement at (feedPosition, 1, id).
   */
  @Property({ type: 'integer', nullable: true })
  feedPosition?: number | null;
}
