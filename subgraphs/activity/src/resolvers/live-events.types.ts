import { Field, ID, Int, ObjectType } from 'type-graphql';

/** `repaymentReceived`: a repayment on one of the subscriber's cases (CCO: 还款记录实时更新). */
@ObjectType()
export class RepaymentReceivedEvent {
  @Field(() => ID, { description: 'The stored notification this event came with.' })
  notificationId!: string;

  @Field(() => ID)
  caseId!: string;

  @Field()
  caseCode!: string;

  @Field()
  repaymentId!: string;

  @Field({ description: 'Exact decimal, e.g. "2000.00".' })
  amount!: string;

  @Field()
  currency!: string;

  @Field(() => Date)
  repaidAt!: Date;

  @Field({ description: 'Exact decimal left to pay after this repayment.' })
  outstandingAmount!: string;

  @Field({ description: "The case's repayment status after it, e.g. partial, settled." })
  status!: string;
}

/** `caseAssigned`: a case newly assigned to the subscriber. */
@ObjectType()
export class CaseAssignedEvent {
  @Field(() => ID)
  notificationId!: string;

  @Field(() => ID)
  caseId!: string;

  @Field()
  caseCode!: string;

  @Field({ description: 'Masked as the collector app shows it.' })
  debtorName!: string;

  @Field(() => Int)
  overdueDays!: number;

  @Field(() => Date)
  assignedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Who assigned it (user name), null for a rule.' })
  assignedBy!: string | null;
}

/** `ptpDue`: a promise to pay of the subscriber's coming due. */
@ObjectType()
export class PtpDueEvent {
  @Field(() => ID)
  notificationId!: string;

  @Field(() => ID)
  ptpId!: string;

  @Field(() => ID)
  caseId!: string;

  @Field()
  caseCode!: string;

  @Field({ description: 'Exact decimal.' })
  promisedAmount!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  promisedDate!: string;

  @Field(() => Int)
  dueInHours!: number;
}
