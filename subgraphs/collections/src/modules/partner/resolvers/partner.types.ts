import { Decimal, DecimalScalar } from '@platform/kit';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One case of a batch that was not imported.' })
export class PartnerBatchErrorType {
  @Field(() => String, { nullable: true }) caseCode!: string | null;
  @Field() error!: string;
}

@ObjectType({ description: 'The answer to a case batch (partner § 2.1); a repeated batch number answers the first one.' })
export class PartnerImportResult {
  @Field() pushBatchNo!: string;
  @Field() receivedAt!: Date;
  @Field(() => Int) total!: number;
  @Field(() => Int) success!: number;
  @Field(() => Int) failed!: number;
  @Field(() => [PartnerBatchErrorType]) errors!: PartnerBatchErrorType[];
  @Field({ description: 'True when this batch number had been received before (nothing applied this time).' }) duplicate!: boolean;
  @Field({ description: 'The tenant’s IANA zone, for rendering times.' }) zone!: string;
}

@ObjectType({ description: 'A repayment as applied (partner § 2.3, § 5.1); the same repayment id is applied once.' })
export class PartnerRepaymentResult {
  @Field() repaymentId!: string;
  @Field() caseCode!: string;
  @Field(() => DecimalScalar) repaymentAmount!: Decimal;
  @Field({ description: 'True when this repayment id had been applied before (nothing applied this time).' }) duplicate!: boolean;
  @Field() caseStatus!: string;
  @Field(() => DecimalScalar) repaidAmount!: Decimal;
  @Field(() => DecimalScalar) outstandingAmount!: Decimal;
  @Field() receivedAt!: Date;
  @Field() zone!: string;
}

@ObjectType({ description: 'A case status change pushed by the partner (partner § 2.2).' })
export class PartnerStatusResult {
  @Field() caseCode!: string;
  @Field() oldStatus!: string;
  @Field() newStatus!: string;
  @Field() updatedAt!: Date;
  @Field() zone!: string;
}
