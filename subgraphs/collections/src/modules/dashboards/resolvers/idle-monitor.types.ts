import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class IdleCollector {
  @Field(() => ID)
  collectorId!: string;

  @Field(() => String)
  collectorName!: string;

  @Field(() => Int)
  idleMinutes!: number;

  @Field(() => String, { description: '无分配案件 (no open case), 无沟通记录 (no activity in working hours) or 长时间无操作.' })
  idleReason!: string;

  @Field(() => Date, { nullable: true, description: 'The latest activity in the working hours, else the profile’s last activity before they ended.' })
  lastActivityAt!: Date | null;
}

@ObjectType({ description: 'Idle collectors of an agency on a day (CCO admin § 11.7).' })
export class IdleReport {
  @Field(() => String)
  date!: string;

  @Field(() => ID)
  agencyId!: string;

  @Field(() => String)
  agencyName!: string;

  @Field(() => Int, { description: 'The agency’s UTC offset (hours).' })
  utcOffsetHours!: number;

  @Field(() => Date, { nullable: true, description: 'Working hours of that day; null on a day off.' })
  workStart!: Date | null;

  @Field(() => Date, { nullable: true })
  workEnd!: Date | null;

  @Field(() => Int, { description: 'Gaps longer than this (minutes) count as idle.' })
  thresholdMinutes!: number;

  @Field(() => [IdleCollector], { description: 'Collectors idle at all that day, most idle first.' })
  idleCollectors!: IdleCollector[];
}
