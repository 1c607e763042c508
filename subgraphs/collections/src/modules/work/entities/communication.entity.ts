import { DateTimeType, JsonType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

export const CONTACT_METHODS = ['phone', 'whatsapp', 'sms', 'email', 'visit'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** One contact with a debtor or their contact (沟通记录): a call, a WhatsApp or SMS message, an e-mail, a visit. */
@Directive('@key(fields: "id")')
@ObjectType()
@Entity({ tableName: 'communication' })
@Index({ properties: ['tenantId', 'caseId', 'contactTime'] })
@Index({ properties: ['tenantId', 'collectorId', 'contactTime'] })
@Index({ properties: ['tenantId', 'contactTime'] })
// "Needs follow-up" asks per case whether a call-back is booked: answered from the index alone.
@Index({ properties: ['tenantId', 'caseId', 'nextFollowUpAt'] })
// An app write made offline carries the app's own id: a retried sync applies once. Per collector, so one collector's
// id can never answer (or block) another's record.
@Unique({ properties: ['tenantId', 'collectorId', 'clientId'] })
export class Communication extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => ID)
  @Property({ type: 'integer' })
  caseId!: number;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  collectorId?: number | null;

  /** Denormalised from the collector at the time, for dashboards filtered by agency or team. */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  agencyId?: number | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  teamId?: number | null;

  @Field(() => String)
  @Property({ type: 'string', length: 16 })
  contactMethod!: ContactMethod;

  /** Masked in GraphQL unless the caller may see personal data. */
  @Property({ type: 'string', length: 32, nullable: true })
  contactPhone?: string | null;

  @Field(() => String, { description: '接通 / 未接通 / 关机 / 空号 / 拒接 / 忙线, or a provider status.' })
  @Property({ type: 'string', length: 32 })
  contactResult!: string;

  @Field(() => String, { nullable: true, description: '本人 / 配偶 / 家人 / 朋友 / 同事 / 其他.' })
  @Property({ type: 'string', length: 32, nullable: true })
  contactPerson?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  communicationContent?: string | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  callDurationSeconds?: number | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  audioUrl?: string | null;

  @Field(() => [String])
  @Property({ type: JsonType })
  tags: string[] & Opt = [];

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  nextFollowUpAt?: Date | null;

  /** The provider's id (call id, message id) when a provider sent it. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  providerRef?: string | null;

  @Field(() => Date)
  @Property({ type: DateTimeType, length: 3 })
  contactTime: Date & Opt = new Date();

  @Property({ type: 'string', length: 64, nullable: true })
  clientId?: string | null;
}
