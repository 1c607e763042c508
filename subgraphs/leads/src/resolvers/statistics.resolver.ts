import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { IANAZone } from 'luxon';
import { callerOf, type LeadsContext } from '../leads.context';
import { LeadsErrors } from '../leads.errors';
import { LeadsSetting } from '../entities/leads-setting.entity';
import { leadsOverview } from '../services/statistics.service';
import { tenantZone } from '../services/tenant-zone';
import { LeadsOverview } from './statistics.types';

@Resolver()
export class StatisticsResolver {
  @Query(() => LeadsOverview, { description: '002 § 5.1 over the leads the caller may see, in the tenant zone.' })
  leadsOverview(@Ctx() ctx: LeadsContext) {
    return leadsOverview(ctx);
  }

  @Query(() => LeadsSetting, { description: "The tenant's leads settings (its zone, LEADS_TIME_ZONE until set)." })
  async leadsSettings(@Ctx() ctx: LeadsContext): Promise<LeadsSetting> {
    const tenantId = Number(callerOf(ctx).tenantId);
    return (await ctx.em.findOne(LeadsSetting, { tenantId })) ?? ctx.em.create(LeadsSetting, { tenantId, timeZone: await tenantZone(ctx) }, { persist: false });
  }

  @Mutation(() => LeadsSetting)
  async updateLeadsSettings(@Arg('timeZone') timeZone: string, @Ctx() ctx: LeadsContext): Promise<LeadsSetting> {
    if (!IANAZone.isValidZone(timeZone)) throw LeadsErrors.invalid('timeZone', 'timeZone must be an IANA time zone, e.g. Asia/Shanghai');
    const tenantId = Number(callerOf(ctx).tenantId);
    const setting = (await ctx.em.findOne(LeadsSetting, { tenantId })) ?? ctx.em.create(LeadsSetting, { tenantId, timeZone });
    setting.timeZone = timeZone;
    await ctx.em.flush();
    return setting;
  }
}
