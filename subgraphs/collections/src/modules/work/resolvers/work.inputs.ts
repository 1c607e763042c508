import { ArrayMaxSize, IsIn, IsInt, Max, MaxLength, Min } from 'class-validator';
import { Decimal, DecimalScalar, NotBlank, optionalField, OptionalText, PageArgs } from '@platform/kit';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { CONTACT_METHODS, type ContactMethod } from '../entities/communication.entity';
import { PTP_STATUSES } from '../entities/ptp.entity';

const LOCAL_TIME = 'YYYY-MM-DD HH:mm:ss in the tenant’s zone, or ISO 8601.';

@InputType({ description: 'A contact with a debtor or their contact.' })
export class RecordCommunicationInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => String, { description: CONTACT_METHODS.join(', ') + '.' })
  @IsIn([...CONTACT_METHODS], { message: `contactMethod must be one of ${CONTACT_METHODS.join(', ')}` })
  contactMethod!: ContactMethod;

  @OptionalText(32)
  contactPhone?: string;

  @Field()
  @NotBlank()
  @MaxLength(32)
  contactResult!: string;

  @OptionalText(32)
  contactPerson?: string;

  @OptionalText(10_000)
  communicationContent?: string;

  @optionalField(() => Int)
  @IsInt()
  @Min(0)
  @Max(86_400)
  callDurationSeconds?: number;

  @OptionalText(500, { description: 'The call recording.' })
  audioUrl?: string;

  @optionalField(() => [String])
  @ArrayMaxSize(20)
  @MaxLength(50, { each: true })
  tags?: string[];

  @OptionalText(40, { description: `When; default now. ${LOCAL_TIME}` })
  contactTime?: string;

  @OptionalText(40, { description: LOCAL_TIME })
  nextFollowUpAt?: string;

  @OptionalText(64, {
    description: 'The app’s own id of the write (offline sync): the same collector’s retry with it answers the first record and changes nothing; reused for another case it is CONFLICT.',
  })
  clientId?: string;
}

@InputType({ description: 'A promise to pay.' })
export class CreatePtpInput {
  @Field(() => ID)
  caseId!: string;

  @Field({ description: 'YYYY-MM-DD; today (the tenant’s calendar) or later.' })
  promiseDate!: string;

  @Field(() => DecimalScalar, { description: 'Above 0, at most the case’s outstanding amount.' })
  promiseAmount!: Decimal;

  @OptionalText(20, { description: 'bank_transfer, ewallet, cash or other.' })
  promiseMethod?: string;

  @optionalField(() => String, { description: 'high, medium or low.' })
  @IsIn(['high', 'medium', 'low'], { message: 'confidenceLevel must be high, medium or low' })
  confidenceLevel?: string;

  @OptionalText(500)
  notes?: string;

  @OptionalText(64, { description: 'The app’s own id of the write (offline sync): a retried sync answers the first record.' })
  clientId?: string;
}

@InputType({ description: 'What a collector reports with a promise’s new status.' })
export class PtpStatusReportInput {
  @OptionalText(10, { description: 'YYYY-MM-DD.' })
  actualRepaymentDate?: string;

  @optionalField(() => DecimalScalar, { description: 'Above 0, two decimals at most.' })
  actualRepaymentAmount?: Decimal;

  @OptionalText(500)
  notes?: string;
}

@InputType({ description: 'A repayment recorded by a user (an offline payment).' })
export class RecordRepaymentInput {
  @Field(() => ID)
  caseId!: string;

  @OptionalText(64, { description: 'The payment’s own id; the same id is applied once. Default: a new one.' })
  repaymentId?: string;

  @Field(() => DecimalScalar, { description: 'Above 0, two decimals at most.' })
  amount!: Decimal;

  @OptionalText(40, { description: `Default now. ${LOCAL_TIME}` })
  repaymentDate?: string;

  @OptionalText(32)
  repaymentChannel?: string;

  @OptionalText(100)
  transactionNo?: string;

  @OptionalText(500)
  notes?: string;

  @OptionalText(64, { description: 'A receipt uploaded to files.' })
  receiptFileId?: string;

  @OptionalText(64)
  clientId?: string;
}

export const CommunicationsPageArgs = PageArgs({ size: 10, max: 100 });

@ArgsType()
export class CaseCommunicationsArgs extends CommunicationsPageArgs {
  @Field(() => ID)
  caseId!: string;
}

export const PtpPageArgs = PageArgs({ size: 20, max: 100 });

@ArgsType()
export class MyPtpsArgs extends PtpPageArgs {
  @optionalField(() => String, { description: 'pending, partially_kept, kept, broken, cancelled, or expired (broken by the overdue check).' })
  @IsIn([...PTP_STATUSES, 'expired'], { message: `status must be one of ${[...PTP_STATUSES, 'expired'].join(', ')}` })
  status?: string;

  @OptionalText(10, { description: 'Promise dates from (YYYY-MM-DD, inclusive).' })
  dateFrom?: string;

  @OptionalText(10, { description: 'Promise dates to (YYYY-MM-DD, inclusive).' })
  dateTo?: string;
}

@ArgsType()
export class DuePtpsArgs extends PtpPageArgs {
  @optionalField(() => Int, { description: 'Open promises due from today to this many days ahead; default 3.' })
  @IsInt()
  @Min(0)
  @Max(90)
  days?: number;
}

export const RepaymentPageArgs = PageArgs({ size: 20, max: 100 });

@ArgsType()
export class CaseRepaymentHistoryArgs extends RepaymentPageArgs {
  @Field(() => ID)
  caseId!: string;
}
