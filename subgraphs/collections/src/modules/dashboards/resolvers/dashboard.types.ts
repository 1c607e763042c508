import { Decimal, DecimalScalar } from '@platform/kit';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A count under a key (a contact method, a result, a status).' })
export class KeyCount {
  @Field(() => String)
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class HourCount {
  @Field(() => Int, { description: '0–23 in the dashboard’s zone.' })
  hour!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Communications of one local day (CCO admin § 11.1).' })
export class CommunicationStats {
  @Field(() => String)
  date!: string;

  @Field(() => Int, { description: 'The UTC offset (hours) the day and hours are counted in.' })
  utcOffsetHours!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => [KeyCount], { description: 'Every contact method, zero included.' })
  byMethod!: KeyCount[];

  @Field(() => [KeyCount], { description: 'The results recorded that day.' })
  byResult!: KeyCount[];

  @Field(() => [HourCount], { description: 'Hours with at least one communication, in order.' })
  byHour!: HourCount[];
}

@ObjectType()
export class PtpCollectorCount {
  @Field(() => ID)
  collectorId!: string;

  @Field(() => String)
  collectorName!: string;

  @Field(() => Int)
  ptpCount!: number;

  @Field(() => Int)
  keptCount!: number;
}

@ObjectType({ description: 'Promises to pay made on one local day (CCO admin § 11.2).' })
export class PtpStats {
  @Field(() => String)
  date!: string;

  @Field(() => Int)
  utcOffsetHours!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => DecimalScalar, { description: 'Exact: the SUM of the promised amounts.' })
  totalPromiseAmount!: Decimal;

  @Field(() => [KeyCount], { description: 'Every PTP status, zero included.' })
  byStatus!: KeyCount[];

  @Field(() => [PtpCollectorCount], { description: 'Most promises first.' })
  byCollector!: PtpCollectorCount[];
}

@ObjectType({ description: 'Quality inspections made on one local day (CCO admin § 11.3).' })
export class QualityInspectionStats {
  @Field(() => String)
  date!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => Float, { nullable: true, description: 'Mean score, two decimals; null without inspections.' })
  averageScore!: number | null;

  @Field(() => [KeyCount])
  byResult!: KeyCount[];
}
