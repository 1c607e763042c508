import { DateTimeType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ID, ObjectType } from 'type-graphql';

/** An announcement to everyone in the tenant (CCO 10.4/10.5, collector app 7.5), shown within its window. */
@ObjectType()
@Entity()
// The collector app's list: enabled ones whose window holds now.
@Index({ properties: ['tenantId', 'enabled', 'effectiveStart'] })
export class PublicNotification extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

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
}
