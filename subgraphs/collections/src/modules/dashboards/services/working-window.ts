import type { CollectionsContext } from '../../../collections.context';
import { AgencyWorkingHour } from '../../org/entities/agency-working-hour.entity';
import { parseDay, type TimeRange } from './local-day';

/** An agency without working-hour rows works Monday to Friday, 09:00–18:00 (its own zone). */
export const DEFAULT_WORKING_HOURS = { days: [1, 2, 3, 4, 5], startTime: '09:00:00', endTime: '18:00:00' };

const at = (y: number, m: number, d: number, time: string, offsetHours: number): Date => {
  const [h, min, s] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, h - offsetHours, min, s || 0));
};

/** The agency's working window on a local date (UTC instants), or null on a day off. */
export async function workingWindow(ctx: CollectionsContext, agencyId: number, date: string, offsetHours: number): Promise<TimeRange | null> {
  const { y, m, d } = parseDay(date, 'date');
  const dayOfWeek = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1; // 1 = Monday … 7 = Sunday
  const rows = await ctx.em.find(AgencyWorkingHour, { agencyId });
  const row = rows.length === 0
    ? (DEFAULT_WORKING_HOURS.days.includes(dayOfWeek) ? { ...DEFAULT_WORKING_HOURS, isWorkingDay: true } : null)
    : rows.find((r) => r.dayOfWeek === dayOfWeek);
  if (!row || !row.isWorkingDay || row.endTime <= row.startTime) return null;
  return { from: at(y, m, d, row.startTime, offsetHours), to: at(y, m, d, row.endTime, offsetHours) };
}
