import { Decimal, DecimalScalar, type Paged } from '@platform/kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { QuickFilter } from './my-cases.inputs';

@ObjectType({ description: 'Figures over every case the filters match (not only the page), in SQL.' })
export class MyCaseSummary {
  @Field(() => DecimalScalar)
  totalOutstandingAmount!: Decimal;

  @Field(() => Int, { description: 'Cases of priority high or urgent.' })
  highPriorityCount!: number;

  @Field(() => Int, { description: 'Cases with an open promise to pay or a call-back booked for today or later.' })
  needFollowUpCount!: number;
}

@ObjectType({ description: 'A page of the caller’s cases with the summary of all that match.' })
export class MyCasePage implements Paged<CollectionCase> {
  @Field(() => [CollectionCase])
  items!: CollectionCase[];

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  page!: number;

  @Field(() => Int)
  pageSize!: number;

  @Field(() => Int)
  pages!: number;

  @Field(() => MyCaseSummary)
  summary!: MyCaseSummary;
}

@ObjectType()
export class QuickFilterCount {
  @Field(() => QuickFilter)
  filter!: QuickFilter;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'A case’s contacts at a glance (the app list’s contact_info).' })
export class CaseContactSummary {
  @Field(() => Date, { nullable: true })
  lastContactAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The latest communication’s result.' })
  lastContactResult?: string | null;

  @Field(() => Date, { nullable: true, description: 'The call-back the latest communication booked, if any.' })
  nextFollowUpAt?: Date | null;

  @Field(() => Int)
  totalContactCount!: number;

  @Field(() => Int, { description: 'Communications that reached someone (接通, connected, answered).' })
  effectiveContactCount!: number;
}

@ObjectType({ description: 'One change of the collector’s cases since a cursor: the case as it is now, or its leaving.' })
export class CaseChange {
  @Field(() => ID)
  caseId!: number;

  @Field(() => Boolean, { description: 'true: the case left the caller’s reach (reassigned, recalled); drop it from the cache.' })
  removed!: boolean;

  @Field(() => CollectionCase, { nullable: true, description: 'The case now; null when removed.' })
  case?: CollectionCase | null;

  @Field(() => Date)
  changedAt!: Date;
}

@ObjectType()
export class CaseChangePage {
  @Field(() => [CaseChange], { description: 'Oldest change first.' })
  items!: CaseChange[];

  @Field(() => String, { description: 'Opaque; pass it back to get what changed after these.' })
  cursor!: string;

  @Field(() => Boolean, { description: 'More changes wait: ask again with the cursor at once.' })
  hasMore!: boolean;
}

@ObjectType({ description: 'The debtor’s employment, from the tenant’s custom fields employer, position and monthly_income.' })
export class CaseEmployment {
  @Field(() => String, { nullable: true })
  employer?: string | null;

  @Field(() => String, { nullable: true })
  position?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  monthlyIncome?: Decimal | null;
}
