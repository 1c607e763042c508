import { badInput } from '../errors';

/** Ids of the integer-keyed entities (BaseEntity): positive integers travelling as GraphQL ID strings. */
export const ID_PATTERN = /^[1-9][0-9]{0,15}$/;

/** The integer an ID names, or null when it cannot name a row. */
export function parseId(value: string | number): number | null {
  const text = String(value);
  if (!ID_PATTERN.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

/** An id inside input that must be well-formed (the row's existence is checked by the caller). */
export function requireId(value: string | number, field: string): number {
  const id = parseId(value);
  if (id === null) throw badInput(field, `${field} must be a positive integer id`);
  return id;
}
