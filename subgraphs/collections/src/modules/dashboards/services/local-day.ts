import { badInput } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { DateTime } from 'luxon';
import { SystemConfig } from '../../config/entities/system-config.entity';
import { Agency } from '../../org/entities/agency.entity';
import { scoped, type CollectionsScope } from '../../org/services/scope';

/**
 * Dashboards count by the day (and hour) on the clock of the people who worked it: the agency's `timezone` (whole
 * hours) when the query names an agency (or the caller belongs to one), else the tenant's zone as identity announced
 * it (its current offset, rounded to whole hours), else UTC+8 — the documents' examples are in the Philippines.
 */
export const DEFAULT_OFFSET_HOURS = 8;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export async function zoneOffsetHours(ctx: CollectionsContext, scope: CollectionsScope, agencyId?: number): Promise<number> {
  const id = agencyId ?? scope.agencyId;
  if (id !== undefined) {
    const agency = await ctx.em.findOne(Agency, scoped({ id }, scope, { agencyId: 'id' }), { fields: ['timezone'] });
    if (agency) return agency.timezone;
  }
  // Identity's zone arrives as the `time_zone` setting (config module); before it has, the documents' default.
  const announced = await ctx.em.findOne(SystemConfig, { configKey: 'time_zone' });
  const now = typeof announced?.configValue === 'string' ? DateTime.now().setZone(announced.configValue) : null;
  return now?.isValid ? Math.round(now.offset / 60) : DEFAULT_OFFSET_HOURS;
}

/** A UTC instant `[from, to)` range. */
export interface TimeRange {
  from: Date;
  to: Date;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** `YYYY-MM-DD` that exists, or BAD_USER_INPUT naming `field`. */
export function parseDay(value: string, field: string): { y: number; m: number; d: number } {
  const match = DAY.exec(value);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!match || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) throw badInput(field, `${field} must be a date (YYYY-MM-DD)`);
  return { y, m, d };
}

/** `YYYY-MM`, or BAD_USER_INPUT naming `field`. */
export function parseMonth(value: string, field: string): { y: number; m: number } {
  const match = MONTH.exec(value);
  const m = match ? Number(match[2]) : 0;
  if (!match || m < 1 || m > 12) throw badInput(field, `${field} must be a month (YYYY-MM)`);
  return { y: Number(match[1]), m };
}

/** The local calendar day `date` at UTC+offset as UTC instants. */
export function dayRange(date: string, offsetHours: number, field = 'date'): TimeRange {
  const { y, m, d } = parseDay(date, field);
  const from = new Date(Date.UTC(y, m - 1, d) - offsetHours * HOUR_MS);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

/** The local days `first`…`last` (both inclusive). */
export function daysRange(first: string, last: string, offsetHours: number): TimeRange {
  const range = { from: dayRange(first, offsetHours, 'dateFrom').from, to: dayRange(last, offsetHours, 'dateTo').to };
  if (range.to <= range.from) throw badInput('dateTo', 'dateTo must not be before dateFrom');
  return range;
}

/** The local month `YYYY-MM` as UTC instants. */
export function monthRange(month: string, offsetHours: number, field = 'month'): TimeRange {
  const { y, m } = parseMonth(month, field);
  return {
    from: new Date(Date.UTC(y, m - 1, 1) - offsetHours * HOUR_MS),
    to: new Date(Date.UTC(y, m, 1) - offsetHours * HOUR_MS),
  };
}

/** Today's date (`YYYY-MM-DD`) at UTC+offset. */
export const localToday = (offsetHours: number, now = new Date()): string =>
  new Date(now.getTime() + offsetHours * HOUR_MS).toISOString().slice(0, 10);

/** The local date `days` before `date`. */
export function addDays(date: string, days: number): string {
  const { y, m, d } = parseDay(date, 'date');
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

