import { DateTime } from 'luxon';

/** ISO 8601 UTC with a `Z` (004, 003, 001): `2024-01-15T10:30:00Z`. */
export const isoUtc = (d: Date): string => DateTime.fromJSDate(d, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");

/** `YYYY-MM-DD HH:mm:ss` in the tenant's zone (CCO admin console and collector app). */
export const localDateTime = (d: Date, zone = 'UTC'): string =>
  DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm:ss');

/** ISO 8601 without zone in the tenant's zone (CCO partner pushes): `2025-11-20T08:00:05`. */
export const isoLocal = (d: Date, zone = 'UTC'): string =>
  DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");

/** The instant a calendar day (`YYYY-MM-DD`) starts in `zone`; null for a day or zone that does not exist. */
export function localDayStart(day: string, zone = 'UTC'): Date | null {
  const start = DateTime.fromISO(day, { zone }).startOf('day');
  return start.isValid && /^\d{4}-\d{2}-\d{2}$/.test(day) ? start.toJSDate() : null;
}
