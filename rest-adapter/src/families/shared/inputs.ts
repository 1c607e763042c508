import { z } from 'zod';

/** Platform ids are integer keys, carried as digit strings (GraphQL `ID`). */
export const idString = z.string().regex(/^\d{1,18}$/, 'must be an id (digits)');

/** 002, CCO: integer ids in paths (strings there) and bodies. */
export const intIdParam = z.string().regex(/^[1-9]\d{0,17}$/, 'must be a positive integer');
export const intId = z.number().int().positive();

/** Query-string integers (`?page=2`). */
export const queryInt = (min: number, max?: number) => {
  const base = z.coerce.number().int().min(min);
  return max === undefined ? base : base.max(max);
};

/** Query-string booleans as the documents write them (`true`/`false`, also `1`/`0`). */
export const queryBool = z.enum(['true', 'false', '1', '0']);
export const isTrue = (value: string | undefined) => value === 'true' || value === '1';

/** A text field that may be cleared with null. */
export const optionalText = z.string().nullable().optional();

/** `T` with the keys that may be undefined made optional (what `defined` leaves of it). */
export type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Removes undefined entries so an update sends only the fields the client gave. */
export function defined<T extends Record<string, unknown>>(value: T): Defined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Defined<T>;
}

/** One page of a flat list the graph returns whole (menus, API credentials), as the family's pages show. */
export function pageOf<T>(items: T[], page: number, size: number) {
  return {
    items: items.slice((page - 1) * size, page * size),
    total: items.length,
    page,
    size,
    pages: Math.ceil(items.length / size),
  };
}

/**
 * identity's input limits, as the REST bodies state them (a unit test fails when a body limit and the limit of
 * the GraphQL input field it feeds differ). Login fields only bound the size: any account may try to sign in.
 */
export const identityText = {
  name: z.string().min(1).max(128),
  code: z.string().min(1).max(64),
  username: z.string().min(2).max(64),
  password: z.string().min(6).max(256),
  email: z.email().max(255),
  login: z.string().min(1).max(255),
  loginPassword: z.string().min(1).max(256),
  /** A role code named in a body (002 `role`). */
  roleCode: z.string().min(1).max(64),
  /** A position's level. */
  level: z.number().int().min(1).max(100),
};
