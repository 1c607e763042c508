import { Decimal, DecimalScalar, type Paged } from '@platform/kit';
import { Field, Int, ObjectType } from 'type-graphql';
import { Repayment } from '../entities/repayment.entity';

@ObjectType({ description: 'A page of a case’s repayments, newest first, with the exact sum of the confirmed ones.' })
export class RepaymentHistory implements Paged<Repayment> {
  @Field(() => [Repayment])
  items!: Repayment[];

  @Field(() => Int, { description: 'Every repayment of the case (pending offline reports included).' })
  total!: number;

  @Field(() => Int)
  page!: number;

  @Field(() => Int)
  pageSize!: number;

  @Field(() => Int)
  pages!: number;

  @Field(() => DecimalScalar, { description: 'Exact SUM of the confirmed repayments.' })
  totalRepaidAmount!: Decimal;
}
