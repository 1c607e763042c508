import { DateTimeType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ID, ObjectType } from 'type-graphql';

/** A phone number of a case: the debtor's own or an emergency contact's (`contact_phones`, `emergency_contacts`). */
@ObjectType()
@Entity({ tableName: 'case_contact' })
@Index({ properties: ['tenantId', 'caseId'] })
export class CaseContact extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => ID)
  @Property({ type: 'integer' })
  caseId!: number;

  /** Masked in GraphQL unless the caller may see personal data. */
  @Property({ type: 'string', length: 32 })
  phoneNumber!: string;

  @Field(() => String, { description: 'mobile, home, work …' })
  @Property({ type: 'string', length: 16 })
  phoneType: string & Opt = 'mobile';

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  relationship?: string | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isPrimary: boolean & Opt = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isVerified: boolean & Opt = false;

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  lastContactAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 32, nullable: true })
  lastContactResult?: string | null;
}
