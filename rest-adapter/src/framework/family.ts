import type { ErrorCode } from '@platform/kit';
import type { RestError } from './rest-error';

export type JsonSchema = Record<string, unknown>;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A route's own wording for some codes (e.g. 002's `用户不存在`); a function may decline with undefined. */
export type ErrorMessages = Partial<Record<ErrorCode, string | ((error: RestError) => string | undefined)>>;

/** A route's `data` for some errors (the collector app's device limit lists the devices); undefined keeps null. */
export type ErrorData = (error: RestError) => unknown;

export interface SuccessContext {
  requestId: string;
  method: HttpMethod;
  status: number;
  /** The route's documented message; undefined lets the family choose. */
  message?: string;
  elapsedMs(): number;
  /** The SQL time the subgraphs reported for the request's operations (`extensions.dbTimeMs`), when they did. */
  dbTimeMs?: number;
}

export interface ErrorContext {
  requestId: string;
  status: number;
  /** Whether the request carried a bearer token (002 words "no token" and "bad token" differently). */
  hadToken: boolean;
  messages?: ErrorMessages;
  /** What the route answers as the error's `data` (the `{code, message, data}` families), when it says more than null. */
  data?: unknown;
  elapsedMs(): number;
}

/**
 * One contract family's conventions (decisions.md, "Families and their conventions"): how a success and
 * an error look, which status bad input gets, how times are written. Route tables only pick a family.
 */
export interface Family {
  id: string;
  /** OpenAPI tag. */
  title: string;
  invalidInputStatus: 400 | 422;
  /** How the family spells field names, used to name a field the graph reported (`fullName` → `full_name`). */
  fieldCase: 'snake' | 'camel';
  /** `payload` undefined means the route documents no data (e.g. 002 `{code:0, message:"删除成功"}`). */
  success(payload: unknown, ctx: SuccessContext): unknown;
  error(error: RestError, ctx: ErrorContext): unknown;
  successSchema(data: JsonSchema | undefined): JsonSchema;
  errorSchema: JsonSchema;
  time(value: Date | string, zone?: string): string;
}

/** The route's override for this error, if it has one. */
export function routeMessage(error: RestError, ctx: ErrorContext): string | undefined {
  const override = ctx.messages?.[error.code];
  return typeof override === 'function' ? override(error) : override;
}

/** Codes whose upstream message says what exactly was wrong; the others are worded by the family. */
const SPECIFIC: ReadonlySet<ErrorCode> = new Set(['BAD_USER_INPUT', 'CONFLICT', 'BUSINESS_RULE']);

/** The family's wording for the code, followed by the specific reason where there is one. */
export function familyMessage(error: RestError, ctx: ErrorContext, base: string): string {
  const override = routeMessage(error, ctx);
  if (override) return override;
  return SPECIFIC.has(error.code) && error.message ? `${base}：${error.message}` : base;
}

export const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

/** Small JSON-schema builders for the envelopes. */
export const schema = {
  object(properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema {
    return { type: 'object', properties, required };
  },
  string: { type: 'string' } as JsonSchema,
  integer: { type: 'integer' } as JsonSchema,
  boolean: { type: 'boolean' } as JsonSchema,
  const: (value: unknown): JsonSchema => ({ const: value }),
  nullable: (s: JsonSchema): JsonSchema => ({ anyOf: [s, { type: 'null' }] }),
};
