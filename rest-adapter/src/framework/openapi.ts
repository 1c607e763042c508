import { z } from 'zod';
import type { JsonSchema } from './family';
import { markPending } from './pending';
import { routeKey, type Route } from './route';

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: OpenApiInfo;
  paths: Record<string, Record<string, JsonSchema>>;
  components: JsonSchema;
  tags: { name: string }[];
};

/** Shared and recursive schemas, hoisted out of each operation into `components.schemas`. */
type Components = Record<string, JsonSchema>;

const COMPONENT_REF = '#/components/schemas/';

/** Replaces every `$ref` (a JSON Schema local reference) through `resolve`. */
function rewriteRefs(node: unknown, resolve: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, resolve));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? resolve(v) : rewriteRefs(v, resolve)]),
  );
}

/**
 * A zod schema as JSON Schema 2020-12 (what OpenAPI 3.1 embeds), as a client sends it. zod puts recursive and
 * registered schemas in a local `$defs` with `#/$defs/…` (or `#`) references, which inside an OpenAPI document
 * would point at the document root; they move to `components.schemas` (named by their `.meta({id})`, else by
 * `name`) and the references follow.
 */
function jsonSchema(schema: z.ZodType, name: string, components: Components): JsonSchema {
  const converted = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const { $schema: _schema, $defs, ...root } = converted;
  const defs = ($defs ?? {}) as Record<string, JsonSchema>;
  const componentName = (key: string) => (key.startsWith('__schema') ? `${name}_${key.slice('__schema'.length)}` : key);
  const resolve = (ref: string) => {
    if (ref === '#') {
      components[name] = rewriteRefs(root, resolve) as JsonSchema;
      return `${COMPONENT_REF}${name}`;
    }
    const local = ref.match(/^#\/\$defs\/(.+)$/);
    return local ? `${COMPONENT_REF}${componentName(local[1])}` : ref;
  };
  for (const [key, def] of Object.entries(defs)) components[componentName(key)] = rewriteRefs(def, resolve) as JsonSchema;
  return rewriteRefs(root, resolve) as JsonSchema;
}

function parameters(route: Route, where: 'path' | 'query', id: string, components: Components): JsonSchema[] {
  const source = where === 'path' ? route.params : route.query;
  const names = where === 'path' ? [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]) : [];
  const object = source ? jsonSchema(source, `${id}_${where}`, components) : { properties: {}, required: [] };
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  const all = where === 'path' ? names : Object.keys(properties);
  return all.map((name) => {
    const { description, ...schema } = properties[name] ?? { type: 'string' };
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      schema,
      ...(description ? { description } : {}),
    };
  });
}

/** The error statuses a route can answer, for the document (the body is always the family's error body). */
function errorStatuses(route: Route): number[] {
  const statuses = new Set<number>([route.family.invalidInputStatus, 500]);
  if (route.auth || route.rateLimit !== 'none') statuses.add(401);
  if (route.auth) statuses.add(403);
  if (route.path.includes('{')) statuses.add(404);
  if (route.method === 'POST' || route.method === 'PUT') statuses.add(409);
  if (route.rateLimit !== 'none') statuses.add(429);
  if (route.kind === 'graphql') statuses.add(503);
  return [...statuses].sort();
}

const operationId = (route: Route) => routeKey(route).replace(/[^A-Za-z0-9]+/g, '_').replace(/_$/, '');

function operation(route: Route, components: Components): JsonSchema {
  const id = operationId(route);
  const status = route.status ?? 200;
  const data = route.response ? markPending(jsonSchema(route.response, `${id}_response`, components), route) : undefined;
  const success = route.raw ? (data ?? { type: 'object' }) : route.family.successSchema(data);
  const responses: Record<string, JsonSchema> = {
    [status]: status === 204
      ? { description: 'No Content' }
      : route.kind === 'stream' && route.binary
        ? typeof route.binary === 'string'
          ? { description: 'The file itself', content: { [route.binary]: { schema: { type: 'string', format: 'binary' } } } }
          : { description: 'The stored bytes, with their content type', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } }
        : { description: 'Success', content: { 'application/json': { schema: success } } },
  };
  for (const code of errorStatuses(route)) {
    responses[code] = {
      description: `Error (${route.family.title} error body)`,
      content: { 'application/json': { schema: route.family.errorSchema } },
    };
  }
  return {
    operationId: id,
    tags: [route.family.title],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    parameters: [...parameters(route, 'path', id, components), ...parameters(route, 'query', id, components)],
    ...(route.kind === 'stream' && route.form
      ? {
          requestBody: {
            required: true,
            content: { 'multipart/form-data': { schema: { type: 'object', properties: route.form, required: Object.keys(route.form) } } },
          },
        }
      : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, `${id}_body`, components) } },
          },
        }
      : {}),
    responses,
    security: route.auth ? [{ bearerAuth: [] }] : [],
  };
}

/** The OpenAPI 3.1 document of the route tables: every route, its inputs, and its family's envelopes. */
export function buildOpenApi(routes: readonly Route[], info: OpenApiInfo): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const schemas: Components = {};
  for (const route of routes) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, schemas);
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    tags: [...new Set(routes.map((r) => r.family.title))].map((name) => ({ name })),
  };
}
