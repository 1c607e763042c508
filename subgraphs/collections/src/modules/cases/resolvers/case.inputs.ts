import { IsOptional, MaxLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Decimal, DecimalScalar, PageArgs } from '@platform/kit';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

/** The case list's paging (CCO 通用说明 · 分页参数): 10 a page by default, at most 100. */
export const CasesPageArgs = PageArgs({ size: 10, max: 100 });

@InputType({ description: 'Inclusive bounds; either may be left out.' })
export class IntRange {
  @Field(() => Int, { nullable: true })
  min?: number | null;

  @Field(() => Int, { nullable: true })
  max?: number | null;
}

@InputType({ description: 'Inclusive money bounds; either may be left out.' })
export class MoneyRange {
  @Field(() => DecimalScalar, { nullable: true })
  min?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true })
  max?: Decimal | null;
}

/** The admin list's filters (§ 8.1) and the search's (§ 8.8); all combine with AND, inside the caller's scope. */
@InputType()
export class CaseFilter {
  @Field(() => ID, { nullable: true, description: 'A platform administrator may narrow to one tenant; others only ever see their own.' })
  tenantId?: string | null;

  @Field(() => ID, { nullable: true })
  queueId?: string | null;

  @Field(() => ID, { nullable: true })
  agencyId?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => ID, { nullable: true })
  collectorId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Any of these statuses.' })
  caseStatus?: string[] | null;

  @Field(() => IntRange, { nullable: true })
  overdueDays?: IntRange | null;

  @Field(() => MoneyRange, { nullable: true })
  outstandingAmount?: MoneyRange | null;

  @Field(() => MoneyRange, { nullable: true })
  loanAmount?: MoneyRange | null;

  @Field(() => String, {
    nullable: true,
    description: 'Keyword: cases whose case code, debtor name or mobile (as stored, e.g. +63-917) starts with it (a prefix match, served by indexes).',
  })
  @IsOptional()
  @MaxLength(64)
  search?: string | null;
}

/** The fields a list may be sorted by (each one indexed or cheap to sort within a page of filtered rows). */
export enum CaseSortField {
  id = 'id',
  created_at = 'createdAt',
  case_code = 'caseCode',
  overdue_days = 'overdueDays',
  outstanding_amount = 'outstandingAmount',
  loan_amount = 'loanAmount',
  repaid_amount = 'repaidAmount',
  due_date = 'dueDate',
  assigned_at = 'assignedAt',
  last_contact_at = 'lastContactAt',
}
registerEnumType(CaseSortField, { name: 'CaseSortField' });

export enum SortOrder {
  asc = 'asc',
  desc = 'desc',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

@InputType()
export class CaseSort {
  @Field(() => CaseSortField)
  field!: CaseSortField;

  @Field(() => SortOrder, { defaultValue: SortOrder.desc })
  order!: SortOrder;
}

@ArgsType()
export class CasesArgs extends CasesPageArgs {
  @Field(() => CaseFilter, { nullable: true })
  filter?: CaseFilter | null;

  @Field(() => CaseSort, { nullable: true, description: 'Default: newest first (by id).' })
  sort?: CaseSort | null;
}

@InputType()
export class ImportCasesInput {
  @Field(() => ID, { nullable: true, description: 'Required for a platform administrator; a tenant administrator’s own tenant otherwise.' })
  tenantId?: string | null;

  @Field(() => [GraphQLJSONObject], {
    description:
      'Up to 10,000 cases in the partner document’s field names (§ 2.1): case_code, user_id, user_name, mobile, loan_amount, ' +
      'outstanding_amount, overdue_days, due_date required; each row is checked on its own.',
  })
  cases!: Array<Record<string, unknown>>;
}

@InputType()
export class UpdateCaseStatusInput {
  @Field(() => String)
  caseStatus!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'The case’s total repaid amount after this change (never less than before).' })
  repaidAmount?: Decimal | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  notes?: string | null;
}
