import { badInput } from '@platform/kit';
import { addDays, dayRange, localToday, parseDay, type TimeRange } from '../../dashboards/services/local-day';

export const APP_PERIODS = ['today', 'week', 'month', 'custom'] as const;
export type AppPeriod = (typeof APP_PERIODS)[number];

/** The longest custom period: a year (leap day included). */
const MAX_DAYS = 366;

/** A period of whole local days, `startDate`–`endDate` inclusive, as UTC instants at the agency's offset. */
export interface PeriodWindow {
  period: AppPeriod;
  startDate: string;
  endDate: string;
  offset: number;
  range: TimeRange;
}

const weekday = (date: string) => {
  const { y, m, d } = parseDay(date, 'date');
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1; // 1 = Monday … 7 = Sunday
};

const lastOfMonth = (date: string) => {
  const { y, m } = parseDay(date, 'date');
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** Days from `a` to `b` (b − a). */
export const daysBetween = (a: string, b: string) => Math.round((dayRange(b, 0).from.getTime() - dayRange(a, 0).from.getTime()) / 86_400_000);

/**
 * The app's periods (CCO app § 8.1) on the agency's clock: today; this week (Monday to Sunday); this month (its
 * first to its last day); custom (start_date and end_date required, at most a year).
 */
export function periodWindow(period: AppPeriod, offset: number, custom: { startDate?: string | null; endDate?: string | null } = {}, now = new Date()): PeriodWindow {
  const today = localToday(offset, now);
  let startDate = today;
  let endDate = today;
  if (period === 'week') {
    startDate = addDays(today, 1 - weekday(today));
    endDate = addDays(startDate, 6);
  } else if (period === 'month') {
    startDate = `${today.slice(0, 7)}-01`;
    endDate = lastOfMonth(today);
  } else if (period === 'custom') {
    if (!custom.startDate) throw badInput('startDate', 'startDate must be given for a custom period');
    if (!custom.endDate) throw badInput('endDate', 'endDate must be given for a custom period');
    startDate = custom.startDate;
    endDate = custom.endDate;
    parseDay(startDate, 'startDate');
    parseDay(endDate, 'endDate');
    if (endDate < startDate) throw badInput('endDate', 'endDate must not be before startDate');
    if (daysBetween(startDate, endDate) >= MAX_DAYS) throw badInput('endDate', `endDate must be at most ${MAX_DAYS - 1} days after startDate`);
  }
  return { period, startDate, endDate, offset, range: { from: dayRange(startDate, offset).from, to: dayRange(endDate, offset).to } };
}

/** One local day as a period window (daily statistics). */
export function dayWindow(date: string, offset: number): PeriodWindow {
  return { period: 'custom', startDate: date, endDate: date, offset, range: dayRange(date, offset) };
}
