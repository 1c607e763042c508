import { badInput } from '@platform/kit';

/** Ids are positive integers travelling as GraphQL ID strings; anything else names no row. */
export function parseId(value: string | number): number | null {
  const text = String(value);
  if (!/^[1-9][0-9]{0,15}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

/** An id inside input that must be well-formed (the row's existence is checked by the caller). */
export function requireId(value: string | number, field: string): number {
  const id = parseId(value);
  if (id === null) throw badInput(field, `${field} must be a positive integer id`);
  return id;
}
