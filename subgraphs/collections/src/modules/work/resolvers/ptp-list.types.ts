import { Decimal, DecimalScalar, type Paged } from '@platform/kit';
import { Field, Int, ObjectType } from 'type-graphql';
import { Ptp } from '../entities/ptp.entity';

@ObjectType({ description: 'Counts and the promised total of the promises in reach (the list’s date range, every status).' })
export class PtpSummary {
  @Field(() => Int)
  pendingCount!: number;

  @Field(() => Int)
  partiallyKeptCount!: number;

  @Field(() => Int)
  keptCount!: number;

  @Field(() => Int)
  brokenCount!: number;

  @Field(() => DecimalScalar, { description: 'Exact SUM of the promised amounts.' })
  totalPromiseAmount!: Decimal;
}

@ObjectType({ description: 'A page of promises to pay with the summary of the promises in reach.' })
export class PtpListPage implements Paged<Ptp> {
  @Field(() => [Ptp])
  items!: Ptp[];

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  page!: number;

  @Field(() => Int)
  pageSize!: number;

  @Field(() => Int, { description: 'Number of pages (0 when there are no items).' })
  pages!: number;

  @Field(() => PtpSummary)
  summary!: PtpSummary;
}
