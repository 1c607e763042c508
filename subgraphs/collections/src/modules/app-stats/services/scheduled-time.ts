import { addDays, dayRange, localToday } from '../../dashboards/services/local-day';
import type { WorkingDay } from '../../org/types/org-stats.types';
import type { PeriodWindow } from './app-period';

const weekdayOf = (date: string) => ((dayRange(date, 0).from.getUTCDay() + 6) % 7) + 1;
const secondsOf = (time: string) => time.split(':').map(Number).reduce((acc, part, i) => acc + part * [3600, 60, 1][i], 0);

/**
 * Seconds the agency's week schedules in the period up to `now` (today counts until now, later days not at all):
 * the whole an online rate is a share of. At most a year of days, computed without the database.
 */
export function scheduledSeconds(week: readonly WorkingDay[], window: PeriodWindow, now = new Date()): number {
  const today = localToday(window.offset, now);
  let total = 0;
  for (let date = window.startDate; date <= window.endDate && date <= today; date = addDays(date, 1)) {
    const day = week.find((d) => d.dayOfWeek === weekdayOf(date));
    if (!day?.isWorkingDay) continue;
    const midnight = dayRange(date, window.offset).from.getTime();
    const from = midnight + secondsOf(day.startTime) * 1000;
    const to = Math.min(midnight + secondsOf(day.endTime) * 1000, now.getTime());
    if (to > from) total += (to - from) / 1000;
  }
  return total;
}
