import { badInput, localDayStart } from '@platform/kit';

/** Whole-day arithmetic on `YYYY-MM-DD` strings. */
const plusDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function startOf(day: string, zone: string, field: string): Date {
  const start = localDayStart(day, zone);
  if (!start) throw badInput(field, `${field} must be a real date (YYYY-MM-DD) in a known time zone`);
  return start;
}

/** Inclusive local days as the instants `[from, to)` they cover in `zone` (days of 23 or 25 hours included). */
export function dayRange(startDate: string | undefined, endDate: string | undefined, zone: string): { from?: Date; to?: Date } {
  const from = startDate ? startOf(startDate, zone, 'startDate') : undefined;
  // The end day must exist itself: `2025-02-30` + 1 would otherwise roll over into March.
  const to = endDate && startOf(endDate, zone, 'endDate') ? startOf(plusDays(endDate, 1), zone, 'endDate') : undefined;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

export interface MonthRange {
  /** `[from, to)`: the month's instants in the zone. */
  from: Date;
  to: Date;
  /** `[firstDay, nextFirstDay)`: its days, for date columns (`YYYY-MM-DD`). */
  firstDay: string;
  nextFirstDay: string;
}

/** A month (`YYYY-MM`) of the tenant's calendar. */
export function monthRange(month: string, zone: string): MonthRange {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badInput('month', 'month must be YYYY-MM');
  const firstDay = `${month}-01`;
  const [y, m] = month.split('-').map(Number);
  const nextFirstDay = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  return { from: startOf(firstDay, zone, 'zone'), to: startOf(nextFirstDay, zone, 'zone'), firstDay, nextFirstDay };
}
