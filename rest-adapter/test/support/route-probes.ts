import { z } from 'zod';
import type { JsonSchema } from '../../src/framework/family';
import type { Route } from '../../src/framework/route';

/** One malformed request to a route and the field its error must name. */
export interface Probe {
  what: string;
  field: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** A JSON value, or a raw string sent as-is with content-type JSON (malformed JSON). */
  body?: unknown;
  rawBody?: string;
}

const LONG = 'a'.repeat(100_000);
const CONTROL = 'a\u0000b\u0007c';

const toJson = (schema: z.ZodType | undefined): JsonSchema =>
  schema ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })) : { properties: {}, required: [] };

const firstOf = (schema: JsonSchema): JsonSchema => {
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  return options?.find((s) => s.type !== 'null') ?? schema;
};

/** A value the field's schema accepts: the base the probes change one field of. */
function sample(raw: JsonSchema): unknown {
  const schema = firstOf(raw);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'email') return 'probe@example.com';
      if (schema.format === 'date') return '2024-01-02';
      if (schema.format === 'date-time') return '2024-01-02T03:04:05Z';
      if (schema.format === 'uuid') return '0190a5d2-0000-7000-8000-000000000000';
      if (typeof schema.pattern === 'string' && /\\d/.test(schema.pattern)) return '1';
      return 'probe'.padEnd(Number(schema.minLength ?? 0), 'x');
    }
    case 'integer':
    case 'number':
      return Math.max(1, Number(schema.minimum ?? 1));
    case 'boolean':
      return true;
    case 'array': {
      const min = Number(schema.minItems ?? 0);
      return Array.from({ length: min }, () => sample((schema.items ?? {}) as JsonSchema));
    }
    case 'object':
      return sampleObject(schema);
    default:
      return 'probe';
  }
}

function sampleObject(schema: JsonSchema): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema.required ?? []) as string[];
  return Object.fromEntries(required.filter((k) => properties[k]).map((k) => [k, sample(properties[k])]));
}

const kindOf = (schema: JsonSchema) => firstOf(schema).type as string | undefined;

/** Values of the wrong type for a field of this kind, as JSON (body) or as query/path text. */
function wrongValues(kind: string | undefined, inText: boolean): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  if (kind === 'integer' || kind === 'number') {
    out.push(['non-numeric', 'abc'], ['negative', -1], ['huge', 1e308]);
    if (kind === 'integer') out.push(['fraction', 1.5]);
    if (inText) out.push(['overflowing digits', '99999999999999999999999']);
  } else if (kind === 'boolean') {
    out.push(['not a boolean', inText ? 'maybe' : 'yes']);
  } else if (!inText) {
    out.push(['wrong type', kind === 'string' ? 12345 : 'x'], ['object for a scalar', { $gt: '' }]);
  }
  if (kind === 'string' || kind === undefined) out.push(['100,000 characters', LONG], ['control characters', CONTROL]);
  return out.map(([what, value]) => [what, inText && typeof value !== 'string' ? String(value) : value]);
}

/**
 * Every probe of a route: malformed JSON, and for each path, query and top-level body field (the others kept
 * valid): wrong types, missing when required, 100,000 characters, control characters, negative, huge and
 * non-numeric numbers; path ids that are not ids.
 */
export function probesFor(route: Route): Probe[] {
  const pathNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const pathSchema = toJson(route.params);
  const pathProps = (pathSchema.properties ?? {}) as Record<string, JsonSchema>;
  const params = Object.fromEntries(pathNames.map((n) => [n, String(pathProps[n] ? sample(pathProps[n]) : '1')]));
  const querySchema = toJson(route.query);
  const query = Object.fromEntries(Object.entries(sampleObject(querySchema)).map(([k, v]) => [k, String(v)]));
  const bodySchema = toJson(route.body);
  const body = route.body ? sampleObject(bodySchema) : undefined;
  const probes: Probe[] = [];
  const base = { params, query, body };

  for (const name of pathNames) {
    for (const [what, value] of [...wrongValues('integer', true), ['empty-looking', ' '], ['control characters', CONTROL]] as Array<[string, string]>) {
      probes.push({ ...base, what: `path ${name}: ${what}`, field: name, params: { ...params, [name]: value } });
    }
  }
  for (const [name, schema] of Object.entries((querySchema.properties ?? {}) as Record<string, JsonSchema>)) {
    for (const [what, value] of wrongValues(kindOf(schema), true)) {
      probes.push({ ...base, what: `query ${name}: ${what}`, field: name, query: { ...query, [name]: value as string } });
    }
  }
  if (route.method !== 'GET' && route.method !== 'DELETE') {
    probes.push({ ...base, what: 'malformed JSON', field: 'body', body: undefined, rawBody: '{"a": ' });
  }
  if (body) {
    const properties = (bodySchema.properties ?? {}) as Record<string, JsonSchema>;
    const required = (bodySchema.required ?? []) as string[];
    for (const [name, schema] of Object.entries(properties)) {
      for (const [what, value] of wrongValues(kindOf(schema), false)) {
        probes.push({ ...base, what: `body ${name}: ${what}`, field: name, body: { ...body, [name]: value } });
      }
      if (required.includes(name)) {
        const { [name]: _gone, ...rest } = body;
        probes.push({ ...base, what: `body ${name}: missing`, field: name, body: rest });
      }
    }
  }
  return probes;
}

/** The request URL of a probe (path values and query escaped as a client would). */
export function probeUrl(route: Route, probe: Probe): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(probe.params[n] ?? '1'));
  const qs = new URLSearchParams(probe.query).toString();
  return qs ? `${path}?${qs}` : path;
}
