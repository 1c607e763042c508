import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Headers } from '@platform/kit';
import { invalidInput } from './rest-error';
import type { Route, RouteInput } from './route';

type Part = 'params' | 'query' | 'body';

/** The first zod issue as an error naming the field (`position_id`, `permissions.0.menu_id`). */
function firstIssue(part: Part, error: z.ZodError) {
  const issue = error.issues[0]!;
  const field = issue.path.length ? issue.path.map(String).join('.') : part;
  const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
  return invalidInput(field, missing ? 'is required' : issue.message, missing ? 'REQUIRED' : 'INVALID');
}

function parsePart(part: Part, schema: z.ZodType | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw firstIssue(part, parsed.error);
  return parsed.data;
}

/**
 * Validates path, query and body against the route's schemas before anything runs, so bad input never
 * reaches the graph (and so changes nothing). Throws a BAD_USER_INPUT RestError naming the first bad field.
 */
export function parseInput(route: Route, request: FastifyRequest): RouteInput {
  return {
    params: parsePart('params', route.params, request.params ?? {}),
    query: parsePart('query', route.query, request.query ?? {}),
    body: parsePart('body', route.body, request.body ?? {}),
    headers: request.headers as Headers,
    ip: request.ip,
  };
}
