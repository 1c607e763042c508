import { DateTimeType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Decimal, MoneyType, TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A payment link a collector sent a debtor: a payable page at the payment gateway for an amount until `expiresAt`.
 * The gateway's signed callback pays it once: the repayment it applies is `PL-<linkCode>`, so a repeated callback
 * (or a second payment of the same link) changes nothing.
 */
@Directive('@key(fields: "id")')
@ObjectType()
@Entity({ tableName: 'payment_link' })
@Unique({ properties: ['linkCode'] })
@Index({ properties: ['tenantId', 'caseId', 'createdAt'] })
export class PaymentLink extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  /** The link's public id (in its URL): random, unguessable. */
  @Field(() => String)
  @Property({ type: 'string', length: 32 })
  linkCode!: string;

  @Field(() => ID)
  @Property({ type: 'integer' })
  caseId!: number;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  collectorId?: number | null;

  @Property({ type: 'integer', nullable: true })
  agencyId?: number | null;

  @Property({ type: 'integer', nullable: true })
  teamId?: number | null;

  @Property({ type: new MoneyType() })
  amount!: Decimal;

  @Field(() => String)
  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Field(() => Date)
  @Property({ type: DateTimeType, length: 3 })
  expiresAt!: Date;

  /** The gateway that serves the page (`local` here) and its own reference of the link. */
  @Field(() => String)
  @Property({ type: 'string', length: 32 })
  provider!: string;

  @Property({ type: 'string', length: 1000 })
  providerRef!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 1000 })
  paymentUrl!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 1000, nullable: true })
  qrCodeUrl?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  paidAt?: Date | null;

  /** The repayment the payment applied (`Repayment.id`). */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  repaymentRowId?: number | null;

  /** Stored: active or paid; the graph answers `expired` for an active link past its expiry. */
  @Property({ type: 'string', length: 16 })
  status: ('active' | 'paid') & Opt = 'active';
}
