import type { Opt } from '@mikro-orm/core';
import { Entity, Filter, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity, softDeleteFilter } from '@platform/kit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType()
@Filter(softDeleteFilter)
@Entity()
export class Tenant extends BaseEntity {
  @Field({ description: 'tenant_code, unique, e.g. DEMO' })
  @Property({ length: 32, unique: true })
  code!: string;

  @Field()
  @Property({ length: 128 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 128, nullable: true })
  nameEn: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 2, nullable: true })
  countryCode: string | null = null;

  @Field(() => Int, { nullable: true, description: 'UTC offset in hours, as the CCO console shows it (8).' })
  @Property({ type: 'integer', nullable: true })
  timezone: number | null = null;

  @Field(() => String, { description: 'IANA zone used to render local times, e.g. "Asia/Manila".' })
  @Property({ length: 64 })
  zone: string & Opt = 'UTC';

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 3, nullable: true })
  currencyCode: string | null = null;

  @Field(() => Boolean)
  @Property()
  isActive: boolean & Opt = true;

  @Field(() => Boolean, { description: 'Whether anonymous sign-up (002 register) lands in this tenant.' })
  @Property()
  allowRegistration: boolean & Opt = true;

  @Field(() => Int, {
    nullable: true,
    description: "The tenant's minimum password length (at least the platform's 6); null: the platform's.",
  })
  @Property({ type: 'integer', nullable: true })
  passwordMinLength: number | null = null;

  @Property({ type: 'datetime', nullable: true })
  deletedAt: Date | null = null;
}
