import { badInput } from '@platform/kit';
import { DateTime } from 'luxon';

/**
 * A time as the CCO documents write it (`2025-11-20 15:00:00`, the tenant's wall clock) or ISO 8601 (with an offset,
 * or without one: the tenant's wall clock, as the partner pushes write it); BAD_USER_INPUT naming `field` otherwise.
 */
export function parseLocalOrIso(text: string, zone: string, field: string): Date {
  for (const format of ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm']) {
    const parsed = DateTime.fromFormat(text, format, { zone });
    if (parsed.isValid) return parsed.toJSDate();
  }
  const iso = DateTime.fromISO(text, { zone });
  if (iso.isValid && /^\d{4}-\d\d-\d\dT/.test(text)) return iso.toJSDate();
  throw badInput(field, `${field} must be a time like 2025-11-20 15:00:00`);
}

/** A `YYYY-MM-DD` calendar date; BAD_USER_INPUT naming `field` otherwise. */
export function parseDay(text: string, field: string): string {
  if (!/^\d{4}-\d\d-\d\d$/.test(text) || !DateTime.fromFormat(text, 'yyyy-MM-dd').isValid) {
    throw badInput(field, `${field} must be a date like 2025-11-25`);
  }
  return text;
}

/** The calendar date `days` after `day` (both `YYYY-MM-DD`). */
export const addDays = (day: string, days: number): string => DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toFormat('yyyy-MM-dd');

/** Whole days from `from` to `to` (both `YYYY-MM-DD`; negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
