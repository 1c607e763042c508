import { rawBodyOf } from './raw-body';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { invalidInput } from './rest-error';
import type { Route, RouteInput } from './route';

type Part = 'params' | 'query' | 'body';

/** The first zod issue as an error naming the field (`position_id`, `permissions.0.menu_id`). */
function firstIssue(part: Part, error: z.ZodError) {
  const issue = error.issues[0];
  const field = issue.path.length ? issue.path.map(String).join('.') : part;
  const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
  return invalidInput(field, missing ? 'is required' : issue.message, missing ? 'REQUIRED' : 'INVALID');
}

/**
 * C0/C1 control characters except tab, LF and CR, and lone UTF-16 surrogates: no legitimate text holds them,
 * and databases choke on them (a NUL byte was a 500).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const BAD_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No documented field needs more; a route holding longer text (an image as base64) raises it. */
export const MAX_TEXT_LENGTH = 10_000;

/**
 * Every string of a validated part (values and keys, however deep), so a NUL byte, a lone surrogate or a
 * megabyte of text is refused as invalid input naming the field instead of failing in a database below.
 */
function assertCleanText(part: Part, value: unknown, maxLength: number, path: string[] = []): void {
  const field = () => (path.length ? path.join('.') : part);
  if (typeof value === 'string') {
    if (BAD_TEXT.test(value)) throw invalidInput(field(), 'must not contain control characters', 'CONTROL_CHARACTER');
    if (value.length > maxLength) throw invalidInput(field(), `must be at most ${maxLength} characters`, 'TOO_LONG');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertCleanText(part, item, maxLength, [...path, String(i)]));
    return;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      if (BAD_TEXT.test(key)) throw invalidInput(field(), 'must not contain control characters', 'CONTROL_CHARACTER');
      assertCleanText(part, item, maxLength, [...path, key]);
    }
  }
}

function parsePart(part: Part, schema: z.ZodType | undefined, value: unknown, maxLength: number): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw firstIssue(part, parsed.error);
  assertCleanText(part, parsed.data, maxLength);
  return parsed.data;
}

/**
 * Validates path, query and body against the route's schemas before anything runs, so bad input never
 * reaches the graph (and so changes nothing). Throws a BAD_USER_INPUT RestError naming the first bad field.
 */
export function parseInput(route: Route, request: FastifyRequest): RouteInput {
  const max = route.maxTextLength ?? MAX_TEXT_LENGTH;
  return {
    params: parsePart('params', route.params, request.params ?? {}, max),
    query: parsePart('query', route.query, request.query ?? {}, max),
    body: parsePart('body', route.body, request.body ?? {}, max),
    headers: request.headers,
    ip: request.ip,
    origin: `${request.protocol}://${request.host}`,
    rawBody: rawBodyOf(request),
  };
}
