import { DateTimeType, JsonType, type Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Decimal, DecimalType, MoneyType, TenantScopedEntity } from '@platform/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { CaseStatus } from './case-status';

/**
 * An overdue case (案件) a tenant pushed or imported: the debtor, the loan, the amounts, where it is assigned.
 * `caseCode` is the tenant's key (imports upsert by it). Personal data (mobile, ID number, e-mail, address) is not a
 * GraphQL field here: the cases module exposes it masked unless the caller may see it.
 * Amounts are exact (MoneyType: BIGINT cents, so SQL sorts and sums them on both dialects).
 */
@Directive('@key(fields: "id")')
@ObjectType('Case')
@Entity({ tableName: 'collection_case' })
@Unique({ properties: ['tenantId', 'caseCode'] })
// The admin list filters by these and pages newest first; the app lists a collector's open cases.
@Index({ properties: ['tenantId', 'caseStatus', 'overdueDays'] })
@Index({ properties: ['tenantId', 'queueId', 'caseStatus'] })
@Index({ properties: ['tenantId', 'agencyId', 'caseStatus'] })
@Index({ properties: ['tenantId', 'teamId', 'caseStatus'] })
@Index({ properties: ['tenantId', 'collectorId', 'caseStatus'] })
// The collector app pages a collector's cases by these sorts: read in index order, not sorted whole each time.
@Index({ properties: ['tenantId', 'collectorId', 'overdueDays'] })
@Index({ properties: ['tenantId', 'collectorId', 'outstandingAmount'] })
@Index({ properties: ['tenantId', 'collectorId', 'lastContactAt'] })
@Index({ properties: ['tenantId', 'overdueDays'] })
@Index({ properties: ['tenantId', 'outstandingAmount'] })
@Index({ properties: ['tenantId', 'mobile'] })
@Index({ properties: ['tenantId', 'userName'] })
export class CollectionCase extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  caseCode!: string;

  // --- the debtor ---
  /** The tenant's customer id (`user_id` in the documents; not a platform user). */
  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  customerId!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  userName!: string;

  @Property({ type: 'string', length: 32 })
  mobile!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  idNumber?: string | null;

  @Property({ type: 'string', length: 120, nullable: true })
  email?: string | null;

  @Property({ type: 'string', length: 255, nullable: true })
  address?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  bankAccount?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 8, nullable: true })
  gender?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @Property({ type: 'string', length: 10, nullable: true })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 8, nullable: true })
  kycLevel?: string | null;

  // --- the loan ---
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  loanId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  loanProductName?: string | null;

  @Property({ type: new MoneyType() })
  loanAmount!: Decimal;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @Property({ type: 'string', length: 10, nullable: true })
  loanDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days.' })
  @Property({ type: 'integer', nullable: true })
  loanTerm?: number | null;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  @Property({ type: 'string', length: 10 })
  dueDate!: string;

  /** A fraction: 0.15 is 15 %. */
  @Property({ type: new DecimalType({ precision: 9, scale: 6 }), nullable: true })
  interestRate?: Decimal | null;

  // --- amounts ---
  @Property({ type: new MoneyType() })
  repaidAmount: Decimal & Opt = new Decimal(0);

  @Property({ type: new MoneyType(), nullable: true })
  outstandingPrincipal?: Decimal | null;

  @Property({ type: new MoneyType(), nullable: true })
  outstandingInterest?: Decimal | null;

  @Property({ type: new MoneyType(), nullable: true })
  outstandingPenalty?: Decimal | null;

  @Property({ type: new MoneyType() })
  outstandingAmount!: Decimal;

  @Property({ type: new MoneyType(), nullable: true })
  overdueAmount?: Decimal | null;

  @Property({ type: new MoneyType(), nullable: true })
  dailyPenalty?: Decimal | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  overdueDays!: number;

  // --- the case ---
  @Field(() => String)
  @Property({ type: 'string', length: 24 })
  caseStatus: CaseStatus & Opt = 'pending_repayment';

  @Field(() => String, { description: 'low, normal, high or urgent.' })
  @Property({ type: 'string', length: 16 })
  casePriority: string & Opt = 'normal';

  @Field(() => [String])
  @Property({ type: JsonType })
  caseTags: string[] & Opt = [];

  /** The tenant's own fields (`custom_fields`), shown per the tenant's field display. */
  @Property({ type: JsonType })
  customFields: Record<string, unknown> & Opt = {};

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, when the case was settled.' })
  @Property({ type: 'string', length: 10, nullable: true })
  settlementDate?: string | null;

  // --- assignment (current; the history is CaseAssignment) ---
  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  queueId?: number | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  agencyId?: number | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  teamGroupId?: number | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  teamId?: number | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  collectorId?: number | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  assignedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, length: 3, nullable: true })
  lastContactAt?: Date | null;

  /** The partner batch that last wrote the case (`push_batch_no`), if any. */
  @Property({ type: 'string', length: 64, nullable: true })
  pushBatchNo?: string | null;
}
