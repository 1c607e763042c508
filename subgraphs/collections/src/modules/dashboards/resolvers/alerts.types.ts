import { Decimal, DecimalScalar } from '@platform/kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class OverCapacityCollector {
  @Field(() => ID)
  collectorId!: string;

  @Field(() => String)
  collectorName!: string;

  @Field(() => Int, { description: 'Open cases held.' })
  caseCount!: number;

  @Field(() => Int)
  maxCaseCount!: number;
}

@ObjectType()
export class BrokenPtpAlert {
  @Field(() => ID)
  ptpId!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => ID, { nullable: true })
  collectorId!: string | null;

  @Field(() => String)
  promiseDate!: string;

  @Field(() => DecimalScalar)
  promiseAmount!: Decimal;

  @Field(() => String)
  promiseStatus!: string;
}

@ObjectType()
export class UncontactedCase {
  @Field(() => ID)
  caseId!: string;

  @Field(() => String)
  caseCode!: string;

  @Field(() => ID, { nullable: true })
  collectorId!: string | null;

  @Field(() => Date, { nullable: true })
  lastContactAt!: Date | null;

  @Field(() => Int)
  overdueDays!: number;
}

@ObjectType()
export class IdleCollectorAlert {
  @Field(() => ID)
  collectorId!: string;

  @Field(() => String)
  collectorName!: string;

  @Field(() => Date, { nullable: true })
  lastActivityAt!: Date | null;
}

@ObjectType()
export class OverCapacityAlerts {
  @Field(() => Int)
  count!: number;

  @Field(() => [OverCapacityCollector], { description: 'The most loaded first, at most `limit`.' })
  items!: OverCapacityCollector[];
}

@ObjectType()
export class BrokenPtpAlerts {
  @Field(() => Int)
  count!: number;

  @Field(() => [BrokenPtpAlert], { description: 'Largest amounts first, at most `limit`.' })
  items!: BrokenPtpAlert[];
}

@ObjectType()
export class UncontactedCaseAlerts {
  @Field(() => Int)
  count!: number;

  @Field(() => [UncontactedCase], { description: 'Longest without contact first, at most `limit`.' })
  items!: UncontactedCase[];
}

@ObjectType()
export class IdleCollectorAlerts {
  @Field(() => Int)
  count!: number;

  @Field(() => [IdleCollectorAlert], { description: 'Idle longest first, at most `limit`.' })
  items!: IdleCollectorAlert[];
}

@ObjectType({ description: 'Exceptions to look at now (CCO admin § 11.6; fields chosen in the adapter’s description).' })
export class DashboardAlerts {
  @Field(() => Date)
  generatedAt!: Date;

  @Field(() => OverCapacityAlerts, { description: 'Active collectors holding more open cases than their maximum.' })
  overCapacity!: OverCapacityAlerts;

  @Field(() => BrokenPtpAlerts, { description: 'Promises due in the last 7 days (before today) still pending or broken.' })
  brokenPtps!: BrokenPtpAlerts;

  @Field(() => UncontactedCaseAlerts, { description: 'Open assigned cases with no contact for notContactedDays days (or never).' })
  notContactedCases!: UncontactedCaseAlerts;

  @Field(() => IdleCollectorAlerts, { description: 'Active collectors with no activity for idleMinutes (or never).' })
  idleCollectors!: IdleCollectorAlerts;
}
