import { DateTimeType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Decimal, MoneyType, TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

export const PTP_STATUSES = ['pending', 'kept', 'partially_kept', 'broken', 'cancelled'] as const;
export type PtpStatus = (typeof PTP_STATUSES)[number];

/** A promise to pay (PTP): an amount by a date; a repayment keeps it (or partly), the due date passing breaks it. */
@Directive('@key(fields: "id")')
@ObjectType()
@Entity({ tableName: 'ptp' })
@Index({ properties: ['tenantId', 'caseId', 'promiseStatus'] })
@Index({ properties: ['tenantId', 'collectorId', 'promiseDate'] })
@Index({ properties: ['tenantId', 'promiseStatus', 'promiseDate'] })
@Index({ properties: ['tenantId', 'createdAt'] })
// The PTP check's pass over every tenant (open promises by date).
@Index({ properties: ['promiseStatus', 'promiseDate'] })
@Unique({ properties: ['tenantId', 'clientId'] })
export class Ptp extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => ID)
  @Property({ type: 'integer' })
  caseId!: number;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  collectorId?: number | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  agencyId?: number | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  teamId?: number | null;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  @Property({ type: 'string', length: 10 })
  promiseDate!: string;

  @Property({ type: new MoneyType() })
  promiseAmount!: Decimal;

  /** Repaid towards this promise so far. */
  @Property({ type: new MoneyType() })
  keptAmount: Decimal & Opt = new Decimal(0);

  @Field(() => String, { nullable: true, description: 'bank_transfer, ewallet, cash or other.' })
  @Property({ type: 'string', length: 20, nullable: true })
  promiseMethod?: string | null;

  @Field(() => String, { nullable: true, description: 'high, medium or low.' })
  @Property({ type: 'string', length: 10, nullable: true })
  confidenceLevel?: string | null;

  @Field(() => String)
  @Property({ type: 'string', length: 16 })
  promiseStatus: PtpStatus & Opt = 'pending';

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  notes?: string | null;

  /** The app's own id of the write (offline sync): a retried sync answers the first record. */
  @Property({ type: 'string', length: 64, nullable: true })
  clientId?: string | null;

  /** What the collector reported when closing the promise by hand (the repayment itself arrives separately). */
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, as the collector reported it.' })
  @Property({ type: 'string', length: 10, nullable: true })
  actualRepaymentDate?: string | null;

  @Property({ type: new MoneyType(), nullable: true })
  actualRepaymentAmount?: Decimal | null;

  /** Set by the overdue check when it broke the promise (its date passed unpaid): the app's `expired`. */
  @Field(() => Date, { nullable: true, description: 'When the overdue check broke the promise (its date passed unpaid).' })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  expiredAt?: Date | null;

  /** Set once the due reminder went out: the check's claim, so several instances remind once. */
  @Property({ type: DateTimeType, length: 3, nullable: true })
  dueRemindedAt?: Date | null;
}
