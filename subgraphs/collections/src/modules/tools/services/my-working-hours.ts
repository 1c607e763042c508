import type { CollectionsContext } from '../../../collections.context';
import { Agency } from '../../org/entities/agency.entity';
import { AgencyWorkingHour } from '../../org/entities/agency-working-hour.entity';
import { weekOf } from '../../org/resolvers/working-hours.resolver';
import type { WorkingDay } from '../../org/types/org-stats.types';
import { appProfile } from './app-profile';

export interface MyWorkingHours {
  utcOffsetHours: number;
  days: WorkingDay[];
  /** The agency's local wall-clock time now, `YYYY-MM-DDTHH:mm:ss`. */
  currentTime: string;
  isWorkingTime: boolean;
}

/** The caller's agency's week (unconfigured days as the default) and whether its clock is inside today's hours now. */
export async function myWorkingHours(ctx: CollectionsContext, now = new Date()): Promise<MyWorkingHours> {
  const profile = await appProfile(ctx);
  const [agency, rows] = await Promise.all([
    ctx.em.findOneOrFail(Agency, { id: profile.agencyId }, { fields: ['timezone'] }),
    ctx.em.find(AgencyWorkingHour, { agencyId: profile.agencyId }),
  ]);
  const days = weekOf(profile.agencyId, rows);
  const local = new Date(now.getTime() + agency.timezone * 3_600_000).toISOString().slice(0, 19);
  const dayOfWeek = ((new Date(now.getTime() + agency.timezone * 3_600_000).getUTCDay() + 6) % 7) + 1;
  const today = days.find((d) => d.dayOfWeek === dayOfWeek)!;
  const clock = local.slice(11);
  return {
    utcOffsetHours: agency.timezone,
    days,
    currentTime: local,
    isWorkingTime: today.isWorkingDay && clock >= today.startTime && clock < today.endTime,
  };
}
