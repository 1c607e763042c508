import { z } from 'zod';
import { routeKey, type Route } from '../../src';
import { servedResponse } from '../../src/framework/pending';

/** Fields of `served` that `documented` (the parse result, which drops unknown keys) does not have. */
function undocumented(served: unknown, documented: unknown, at: string): string[] {
  if (Array.isArray(served) && Array.isArray(documented)) {
    return served.flatMap((item, i) => undocumented(item, documented[i], `${at}[${i}]`));
  }
  if (!served || typeof served !== 'object' || !documented || typeof documented !== 'object') return [];
  return Object.entries(served).flatMap(([key, value]) => {
    const path = at ? `${at}.${key}` : key;
    return key in documented ? undocumented(value, (documented as Record<string, unknown>)[key], path) : [path];
  });
}

/**
 * What is wrong with a route's answer (its `data`, before the family's envelope, as JSON) compared with what
 * the route documents in `/openapi.json`: its `response` schema less its pending fields. Undefined when nothing.
 */
export function payloadProblem(route: Route, payload: unknown): string | undefined {
  const json: unknown = payload === undefined ? undefined : JSON.parse(JSON.stringify(payload));
  const schema = servedResponse(route);
  if (!schema) return json == null ? undefined : 'answers data although the route documents none (no `response`)';
  const served = new Set(json && typeof json === 'object' ? Object.keys(json) : []);
  const early = route.pending?.fields.find((field) => served.has(field));
  if (early) return `serves ${early}, which it declares pending (${route.pending!.until}): remove it from \`pending\``;
  const parsed = schema.safeParse(json);
  if (!parsed.success) return `does not match its response schema:\n${z.prettifyError(parsed.error)}`;
  const extra = undocumented(json, parsed.data, '');
  return extra.length ? `serves fields its response schema does not document: ${extra.join(', ')}` : undefined;
}

// Problems of the running test file, reported by `call` and after each test (a test may inject directly).
const problems: string[] = [];

/** The adapter's `checkPayload` in the contract tests: every answer is checked against its route's promise. */
export function recordPayloadProblems(route: Route, payload: unknown): void {
  const problem = payloadProblem(route, payload);
  if (problem) problems.push(`${routeKey(route)} ${problem}`);
}

export function assertPayloadsDocumented(): void {
  const found = problems.splice(0);
  if (found.length) throw new Error(`Answers that differ from what /openapi.json promises:\n- ${found.join('\n- ')}`);
}
