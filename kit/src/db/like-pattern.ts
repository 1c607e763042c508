import { raw, type FilterQuery } from '@mikro-orm/core';

/** The LIKE escape character: named in every pattern's ESCAPE clause, since SQLite has none by default. */
const ESCAPE = '\\';

/** `text` as a LIKE operand that matches itself only: `%`, `_` and the escape character lose their meaning. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `${ESCAPE}${c}`);

/**
 * A `$like` value matching rows that contain `search` literally, on MariaDB and SQLite alike:
 * `{ name: { $like: containsPattern(search) } }` → `name like '%a\_b%' escape '\'`.
 */
export function containsPattern(search: string) {
  return raw(`? escape ?`, [`%${escapeLike(search)}%`, ESCAPE]);
}

/** Conditions for `$or`: any of `fields` contains `search` literally (see containsPattern). */
export function containingText<E>(fields: Array<keyof E & string>, search: string): FilterQuery<E>[] {
  return fields.map((field) => ({ [field]: { $like: containsPattern(search) } }) as FilterQuery<E>);
}

/**
 * A `$like` value matching rows that start with `search` literally: unlike containsPattern, an index on the column
 * serves it (a range scan), so keyword search stays fast on large tables.
 */
export function prefixPattern(search: string) {
  return raw(`? escape ?`, [`${escapeLike(search)}%`, ESCAPE]);
}
