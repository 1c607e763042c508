import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class LabelCount {
  @Field()
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class DateCount {
  @Field({ description: 'yyyy-MM-dd in the tenant zone.' })
  date!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class RecentAdditions {
  @Field(() => Int)
  today!: number;

  @Field(() => Int, { description: 'Monday to Sunday.' })
  thisWeek!: number;

  @Field(() => Int)
  thisMonth!: number;
}

@ObjectType()
export class FollowUpCounts {
  @Field(() => Int, { description: 'Leads followed up this week (distinct).' })
  thisWeekLeadCount!: number;

  @Field(() => Int, { description: 'Follow-up records made this week.' })
  thisWeekRecordCount!: number;
}

@ObjectType()
export class TodayStats {
  @Field(() => Int, { description: 'Leads with a follow-up recorded today (distinct, by record creation).' })
  followedLeads!: number;

  @Field(() => Int)
  followupRecords!: number;

  @Field(() => Int, { description: 'Leads whose follow-up was ended today.' })
  endedLeads!: number;
}

/** 002 § 5.1, over the leads the caller may see; days, weeks and months in the tenant's zone. */
@ObjectType()
export class LeadsOverview {
  @Field(() => Int)
  totalLeads!: number;

  @Field(() => [LabelCount])
  intentionDistribution!: LabelCount[];

  @Field(() => [LabelCount])
  platformDistribution!: LabelCount[];

  @Field(() => RecentAdditions)
  recentAdditions!: RecentAdditions;

  @Field(() => [DateCount], { description: 'The last 15 days, oldest first, days without leads included.' })
  last15DaysTrend!: DateCount[];

  @Field(() => FollowUpCounts)
  followup!: FollowUpCounts;

  @Field(() => TodayStats)
  todayStats!: TodayStats;

  @Field()
  timeZone!: string;
}

/** A tenant's leads settings as they apply (services/tenant-zone.ts). */
@ObjectType('LeadsSetting')
export class LeadsSettingView {
  @Field({ description: 'The IANA time zone leads uses for the tenant, e.g. Asia/Shanghai.' })
  timeZone!: string;

  @Field({
    description:
      "Where timeZone comes from, first match wins: `admin` (set for leads by updateLeadsSettings), `identity` (the tenant's zone identity announces), `default` (LEADS_TIME_ZONE).",
  })
  timeZoneSource!: string;

  @Field(() => String, { nullable: true, description: "The tenant's zone as identity announced it (tenant.changed); null until it has." })
  tenantZone!: string | null;
}
