import { Decimal, DecimalScalar } from '@platform/kit';
import { GraphQLJSONObject } from 'graphql-scalars';
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

@ObjectType({ description: 'A case recalled by the partner (partner § 5.3).' })
export class PartnerRecallResult extends PartnerStatusResult {
  @Field({ description: 'False when the case had been recalled before (nothing changed this time).' }) recalled!: boolean;
  @Field({ description: 'True when the recall took the case from its collector.' }) unassigned!: boolean;
}

@ObjectType({ description: 'One partner field read as one of the platform’s case fields (partner § 7.1).' })
export class PartnerFieldMappingEntryType {
  @Field({ description: 'The platform’s name (partner § 2.1), e.g. user_name.' }) standardFieldKey!: string;
  @Field({ description: 'The partner’s name, e.g. customer_name.' }) tenantFieldKey!: string;
  @Field(() => String, { nullable: true }) tenantFieldName!: string | null;
  @Field(() => String, { nullable: true }) dataType!: string | null;
}

@ObjectType({ description: 'The tenant’s field mapping after a § 7.1 push.' })
export class PartnerFieldMappingResult {
  @Field() tenantCode!: string;
  @Field(() => [PartnerFieldMappingEntryType]) mappingConfigs!: PartnerFieldMappingEntryType[];
  @Field() updatedAt!: Date;
  @Field() zone!: string;
}

@ObjectType({ description: 'A rule set stored by a § 7.2 push.' })
export class PartnerBusinessRulesResult {
  @Field() tenantCode!: string;
  @Field() ruleType!: string;
  @Field(() => Int) rulesCount!: number;
  @Field() updatedAt!: Date;
  @Field() zone!: string;
}

@ObjectType({ description: 'A tenant’s partner integration configuration (partner § 7), for its administrators.' })
export class PartnerFieldMapping {
  @Field(() => Int) tenantId!: number;
  @Field(() => [PartnerFieldMappingEntryType]) entries!: PartnerFieldMappingEntryType[];
}

@ObjectType({ description: 'One business rule set of a tenant (partner § 7.2), as the partner configured it.' })
export class PartnerBusinessRuleSetType {
  @Field({ description: 'queue_assignment or tenant_settings.' }) ruleType!: string;
  @Field(() => [GraphQLJSONObject], { description: 'The rules as validated (the document’s names).' }) rules!: Record<string, unknown>[];
  @Field() updatedAt!: Date;
}
