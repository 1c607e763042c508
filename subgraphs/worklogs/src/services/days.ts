import { WorklogsErrors } from '../worklogs.errors';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today in UTC, `YYYY-MM-DD`: 004 keeps every time in UTC. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30), or BAD_USER_INPUT naming `field`. */
export function dayOf(value: string, field: string): string {
  const match = DAY.exec(value);
  if (!match) throw WorklogsErrors.invalidDate(field);
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw WorklogsErrors.invalidDate(field);
  }
  return value;
}
