import { Decimal, DecimalScalar, PageType } from '@platform/kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CollectionCase } from '../entities/collection-case.entity';

export const CasePage = PageType(CollectionCase, 'Case');

/** One contact with the debtor, as a case's detail lists it (communication_history). */
@ObjectType()
export class CaseCommunicationRecord {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  contactMethod!: string;

  @Field(() => String)
  contactResult!: string;

  @Field(() => String, { nullable: true })
  communicationContent?: string | null;

  @Field(() => String, { nullable: true })
  collectorName?: string | null;

  @Field(() => Date)
  contactTime!: Date;
}

/** A promise to pay, as a case's detail lists it (ptp_records). */
@ObjectType()
export class CasePtpRecord {
  @Field(() => ID)
  id!: number;

  @Field(() => DecimalScalar)
  promiseAmount!: Decimal;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  promiseDate!: string;

  @Field(() => String)
  promiseStatus!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class CaseImportRowError {
  @Field(() => Int, { description: '1-based position of the row in the request.' })
  row!: number;

  @Field(() => String, { nullable: true })
  caseCode?: string | null;

  @Field(() => String, { description: 'What is wrong, naming the field (e.g. `mobile格式错误`).' })
  error!: string;
}

@ObjectType()
export class CaseImportResult {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  success!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => [CaseImportRowError])
  errors!: CaseImportRowError[];
}

@ObjectType()
export class CaseStatusChange {
  @Field(() => CollectionCase)
  case!: CollectionCase;

  @Field(() => String)
  oldStatus!: string;

  @Field(() => String)
  newStatus!: string;
}
