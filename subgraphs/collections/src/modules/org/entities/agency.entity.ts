import { type Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** A collection agency (机构) working a tenant's cases (CCO admin § 3). */
@Directive('@key(fields: "id")')
@ObjectType()
@Entity({ tableName: 'agency' })
@Unique({ properties: ['tenantId', 'agencyCode'] })
@Index({ properties: ['tenantId', 'isActive'] })
export class Agency extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  agencyCode!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  agencyName!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  agencyNameEn?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  contactPerson?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  address?: string | null;

  @Field(() => Int, { description: 'UTC offset in hours (8 = UTC+8), the document’s `timezone`.' })
  @Property({ type: 'integer' })
  timezone: number & Opt = 8;

  @Field(() => String, { description: '`real` or `virtual`.' })
  @Property({ type: 'string', length: 20 })
  agencyType: string & Opt = 'real';

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isActive: boolean & Opt = true;
}
