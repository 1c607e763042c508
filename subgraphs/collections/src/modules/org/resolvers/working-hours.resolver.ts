import { badInput, can, parseId } from '@platform/kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { AgencyWorkingHour } from '../entities/agency-working-hour.entity';
import { Agency } from '../entities/agency.entity';
import { WorkingDayInput } from '../inputs/working-hours.input';
import { AGENCY_COLUMNS, targetRow } from '../services/org-writes';
import { scoped, scopeOf } from '../services/scope';
import { WorkingDay } from '../types/org-stats.types';

/** How many agencies one answer covers (7 days each): the console asks per agency or for a small organisation. */
const MAX_AGENCIES = 100;

/** The week an agency has when nothing is configured: Monday to Friday, 09:00–18:00. */
export const defaultDay = (agencyId: number, dayOfWeek: number): WorkingDay => ({
  id: null,
  agencyId: String(agencyId),
  dayOfWeek,
  startTime: '09:00:00',
  endTime: '18:00:00',
  isWorkingDay: dayOfWeek <= 5,
});

const withSeconds = (time: string) => (time.length === 5 ? `${time}:00` : time);

/** An agency's seven days, Monday first: its rows, the default where it has none. */
export function weekOf(agencyId: number, rows: AgencyWorkingHour[]): WorkingDay[] {
  return [1, 2, 3, 4, 5, 6, 7].map((day) => {
    const row = rows.find((r) => r.agencyId === agencyId && r.dayOfWeek === day);
    return row
      ? { id: String(row.id), agencyId: String(agencyId), dayOfWeek: day, startTime: row.startTime, endTime: row.endTime, isWorkingDay: row.isWorkingDay }
      : defaultDay(agencyId, day);
  });
}

@Resolver()
export class WorkingHoursResolver {
  @Query(() => [WorkingDay], {
    description: 'Seven days per agency in the caller’s scope (one agency with `agencyId`, else the first 100 by id); unconfigured days are the default.',
  })
  async agencyWorkingHours(
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Ctx() ctx: CollectionsContext,
  ): Promise<WorkingDay[]> {
    const where = agencyId ? { id: parseId(agencyId) ?? 0 } : {};
    const agencies = await ctx.em.find(Agency, scoped(where, await scopeOf(ctx), AGENCY_COLUMNS), {
      orderBy: { id: 'asc' },
      limit: MAX_AGENCIES,
      fields: ['id'],
    });
    const ids = agencies.map((a) => a.id);
    const rows = ids.length ? await ctx.em.find(AgencyWorkingHour, { agencyId: { $in: ids } }) : [];
    return ids.flatMap((id) => weekOf(id, rows));
  }

  @Mutation(() => [WorkingDay], { description: 'Sets the days given (others keep theirs); answers the whole week.' })
  async setAgencyWorkingHours(
    @Arg('agencyId', () => ID) agencyId: string,
    @Arg('days', () => [WorkingDayInput]) days: WorkingDayInput[],
    @Ctx() ctx: CollectionsContext,
  ): Promise<WorkingDay[]> {
    const agency = await targetRow(ctx, Agency, agencyId, AGENCY_COLUMNS, 'Agency');
    if (days.length === 0 || days.length > 7) throw badInput('days', 'days must hold 1 to 7 days');
    if (new Set(days.map((d) => d.dayOfWeek)).size !== days.length) throw badInput('days', 'days must name each dayOfWeek once');
    days.forEach((d, i) => {
      if (d.isWorkingDay && withSeconds(d.endTime) <= withSeconds(d.startTime)) throw badInput(`days.${i}.endTime`, 'endTime must be after startTime');
    });
    const existing = await ctx.em.find(AgencyWorkingHour, { agencyId: agency.id, tenantId: agency.tenantId }, { filters: false });
    for (const d of days) {
      const values = { startTime: withSeconds(d.startTime), endTime: withSeconds(d.endTime), isWorkingDay: d.isWorkingDay };
      const row = existing.find((r) => r.dayOfWeek === d.dayOfWeek);
      if (row) ctx.em.assign(row, values);
      else existing.push(ctx.em.create(AgencyWorkingHour, { tenantId: agency.tenantId, agencyId: agency.id, dayOfWeek: d.dayOfWeek, ...values }));
    }
    await ctx.em.flush();
    return weekOf(agency.id, existing);
  }
}

export const workingHoursRules = {
  Query: { agencyWorkingHours: can('working_hours:view') },
  Mutation: { setAgencyWorkingHours: can('working_hours:update') },
};
