import { businessRule } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { AgencyWorkingHour } from '../entities/agency-working-hour.entity';
import type { Agency } from '../entities/agency.entity';
import { TeamGroup } from '../entities/team-group.entity';
import { orgLoaders } from '../loaders/org.loaders';
import { countByLoader } from '../loaders/count-by.loader';
import { Collector } from '../entities/collector.entity';

/**
 * An agency is removed only once nothing works under it: its teams, its staff profiles (collectors, leaders, SPVs,
 * admins) and its open cases must be gone or moved first. The refusal says which are left, counted in SQL.
 */
export async function assertAgencyEmpty(ctx: CollectionsContext, agency: Agency): Promise<void> {
  const [teams, staff, openCases] = await Promise.all([
    orgLoaders.teamCountByAgency(ctx).load(agency.id),
    countByLoader(ctx.em, Collector, 'agencyId').load(agency.id),
    orgLoaders.openCaseCountByAgency(ctx).load(agency.id),
  ]);
  const left = [
    teams && `${teams} team(s)`,
    staff && `${staff} collector(s)`,
    openCases && `${openCases} open case(s)`,
  ].filter(Boolean);
  if (left.length > 0) {
    throw businessRule(`Agency ${agency.agencyCode} still has ${left.join(', ')}`, {
      reason: 'AGENCY_NOT_EMPTY',
      teams,
      collectors: staff,
      openCases,
    });
  }
}

/** The agency with what hangs on it alone: its (empty) team groups and its working hours. */
export async function removeAgency(ctx: CollectionsContext, agency: Agency): Promise<void> {
  await ctx.em.nativeDelete(AgencyWorkingHour, { agencyId: agency.id, tenantId: agency.tenantId });
  await ctx.em.nativeDelete(TeamGroup, { agencyId: agency.id, tenantId: agency.tenantId });
  ctx.em.remove(agency);
  await ctx.em.flush();
}
