import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { IANAZone } from 'luxon';
import { callerOf, type LeadsContext } from '../leads.context';
import { LeadsErrors } from '../leads.errors';
import { LeadsSetting } from '../entities/leads-setting.entity';
import { leadsOverview } from '../services/statistics.service';
import { effectiveZone, tenantZoneOf } from '../services/tenant-zone';
import { LeadsOverview, LeadsSettingView } from './statistics.types';

const view = (setting: LeadsSetting | null, fallback: string): LeadsSettingView => {
  const { zone, source } = effectiveZone(setting, fallback);
  return { timeZone: zone, timeZoneSource: source, tenantZone: setting?.tenantZone ?? null };
};

@Resolver()
export class StatisticsResolver {
  @Query(() => LeadsOverview, { description: '002 § 5.1 over the leads the caller may see, in the tenant zone.' })
  leadsOverview(@Ctx() ctx: LeadsContext) {
    return leadsOverview(ctx);
  }

  @Query(() => LeadsSettingView, { description: "The tenant's leads settings: the zone leads uses and where it comes from." })
  async leadsSettings(@Ctx() ctx: LeadsContext): Promise<LeadsSettingView> {
    const { zone, source, tenantZone } = await tenantZoneOf(ctx);
    return { timeZone: zone, timeZoneSource: source, tenantZone };
  }

  @Mutation(() => LeadsSettingView, {
    description: "Sets the tenant's zone for leads alone, over identity's; null clears it (identity's zone applies again).",
  })
  async updateLeadsSettings(
    @Arg('timeZone', () => String, { nullable: true }) timeZone: string | null,
    @Ctx() ctx: LeadsContext,
  ): Promise<LeadsSettingView> {
    if (timeZone !== null && !IANAZone.isValidZone(timeZone)) {
      throw LeadsErrors.invalid('timeZone', 'timeZone must be an IANA time zone, e.g. Asia/Shanghai');
    }
    const tenantId = Number(callerOf(ctx).tenantId);
    const setting = (await ctx.em.findOne(LeadsSetting, { tenantId })) ?? ctx.em.create(LeadsSetting, { tenantId });
    setting.timeZone = timeZone;
    await ctx.em.flush();
    return view(setting, ctx.services.config.LEADS_TIME_ZONE);
  }
}
