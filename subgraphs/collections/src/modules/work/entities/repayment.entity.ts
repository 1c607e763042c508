import { DateTimeType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Decimal, MoneyType, TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

export const REPAYMENT_SOURCES = ['partner', 'online', 'offline', 'import'] as const;
export type RepaymentSource = (typeof REPAYMENT_SOURCES)[number];

/**
 * A repayment on a case: pushed by the tenant (`/webhook/repayments`, `repayment-notify`), paid through a payment link,
 * confirmed offline by a collector, or part of an imported history. `repaymentId` is the tenant's key: applied once.
 */
@Directive('@key(fields: "id")')
@ObjectType()
@Entity({ tableName: 'repayment' })
@Unique({ properties: ['tenantId', 'repaymentId'] })
@Index({ properties: ['tenantId', 'caseId', 'repaymentDate'] })
@Index({ properties: ['tenantId', 'collectorId', 'repaymentDate'] })
@Index({ properties: ['tenantId', 'repaymentDate'] })
export class Repayment extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  repaymentId!: string;

  @Field(() => ID)
  @Property({ type: 'integer' })
  caseId!: number;

  /** The collector holding the case when it was repaid (their figures count it). */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  collectorId?: number | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  agencyId?: number | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  teamId?: number | null;

  @Property({ type: new MoneyType() })
  repaymentAmount!: Decimal;

  @Field(() => Date)
  @Property({ type: DateTimeType, length: 3 })
  repaymentDate!: Date;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 32, nullable: true })
  repaymentChannel?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  transactionNo?: string | null;

  @Field(() => String)
  @Property({ type: 'string', length: 16 })
  source!: RepaymentSource;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  notes?: string | null;

  /** An offline repayment's receipt (a files subgraph id). */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  receiptFileId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  clientId?: string | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  confirmed: boolean & Opt = true;

  // What applying it did, kept so a repeated repaymentId answers exactly the first result.
  /** The case's outstanding amount right after this repayment. */
  @Property({ type: new MoneyType(), nullable: true })
  outstandingAfter?: Decimal | null;

  @Field(() => String, { nullable: true, description: 'The case status right after this repayment.' })
  @Property({ type: 'string', length: 24, nullable: true })
  caseStatusAfter?: string | null;

  /** The open PTP this repayment counted towards, if any. */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  ptpId?: number | null;

  @Field(() => String, { nullable: true, description: 'That PTP’s status right after this repayment (kept / partially_kept).' })
  @Property({ type: 'string', length: 16, nullable: true })
  ptpStatusAfter?: string | null;
}
