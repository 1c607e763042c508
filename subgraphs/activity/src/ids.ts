/** Ids across the platform's integer-keyed services: positive integers travelling as GraphQL ID strings. */
export const ID_PATTERN = /^[1-9][0-9]{0,15}$/;

/** The integer an ID names, or null when it cannot name a row. */
export function parseId(value: string): number | null {
  if (!ID_PATTERN.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}
