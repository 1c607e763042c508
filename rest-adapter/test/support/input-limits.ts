import { getMetadataStorage as validationStorage } from 'class-validator';
import {
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getMetadataStorage as typeGraphqlStorage } from 'type-graphql';
import { z } from 'zod';
import { routeKey, type Route } from '../../src';
import type { GraphQLRoute } from '../../src/framework/route';

/** Limits in JSON Schema words (what the OpenAPI shows). */
const LIMITS = ['minLength', 'maxLength', 'minimum', 'maximum', 'maxItems'] as const;
type Limit = (typeof LIMITS)[number];
export type Limits = Partial<Record<Limit, number>>;

/** class-validator decorator → the JSON Schema limit it enforces. */
const VALIDATOR_LIMITS: Record<string, Limit> = {
  minLength: 'minLength',
  maxLength: 'maxLength',
  min: 'minimum',
  max: 'maximum',
  arrayMaxSize: 'maxItems',
  // The kit's NotBlank: trimmed, at least one character.
  notBlank: 'minLength',
};
const IMPLIED: Partial<Record<string, number>> = { notBlank: 1 };

/**
 * The limits a subgraph enforces on a GraphQL input field (`TenantInput.name`): its class-validator decorators,
 * found through type-graphql's metadata (the input class of that name, the property behind that field).
 * Undefined when no type-graphql input class has that name. The subgraphs' modules must be loaded.
 */
export function graphqlLimits(inputType: string, field: string): Limits | undefined {
  const storage = typeGraphqlStorage();
  const type = storage.inputTypes.find((t) => t.name === inputType);
  if (!type) return undefined;
  const inherits = (target: unknown) => target === type.target || type.target.prototype instanceof (target as never);
  const property = storage.fields.find((f) => inherits(f.target) && f.schemaName === field)?.name ?? field;
  const limits: Limits = {};
  for (const rule of validationStorage().getTargetValidationMetadatas(type.target, '', true, false)) {
    const name = rule.name ?? rule.type;
    const limit = VALIDATOR_LIMITS[name];
    if (rule.propertyName === property && limit) limits[limit] = IMPLIED[name] ?? Number(rule.constraints[0]);
  }
  return limits;
}

type JsonSchema = Record<string, unknown>;
type Path = Array<string | number>;

/** Body variants probed: each takes, at every union, alternative `variant` (modulo their number). */
const VARIANTS = 3;

/** The schema a nullable/optional wrapper holds; of a union (a discriminated body), alternative `variant`. */
function unwrap(schema: JsonSchema, variant = 0): JsonSchema {
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (!union) return schema;
  const alternatives = union.filter((s) => s.type !== 'null');
  return unwrap(alternatives[variant % Math.max(alternatives.length, 1)] ?? {}, variant);
}

/**
 * A body shaped like the route's, each string or number a unique marker, so that running the route's
 * `variables` shows where each body field goes. `markers` maps each marker to its body path.
 */
function probe(schema: JsonSchema, path: Path, markers: Map<unknown, Path>, variant: number): unknown {
  const s = unwrap(schema, variant);
  if ('const' in s) return s.const;
  if (s.enum) return (s.enum as unknown[])[0];
  switch (s.type) {
    case 'string': {
      const marker = `probe:${path.join('.')}`;
      markers.set(marker, path);
      return marker;
    }
    case 'integer':
    case 'number': {
      const marker = 7_000_000 + markers.size;
      markers.set(marker, path);
      return marker;
    }
    case 'boolean':
      return true;
    case 'array':
      return [probe((s.items ?? {}) as JsonSchema, [...path, 0], markers, variant)];
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, probe(v, [...path, k], markers, variant)]));
    }
    default:
      return null;
  }
}

/** Every leaf of `value` that is a marker, with the path where it landed. */
function landings(value: unknown, at: Path, markers: Map<unknown, Path>, found: Array<[Path, Path]>) {
  if (markers.has(value)) found.push([markers.get(value)!, at]);
  else if (Array.isArray(value)) value.forEach((v, i) => landings(v, [...at, i], markers, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) landings(v, [...at, k], markers, found);
  }
}

/** The input object field a variable path ends in (`input.name` → `TenantInput.name`); undefined for an argument. */
function inputFieldAt(schema: GraphQLSchema, route: GraphQLRoute, path: Path): { type: string; field: string } | undefined {
  const operation = route.operation.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const definition = operation.variableDefinitions?.find((v) => v.variable.name.value === path[0]);
  let type = definition ? (typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined) : undefined;
  let found: { type: string; field: string } | undefined;
  for (const step of path.slice(1)) {
    let t = type && getNullableType(type);
    if (isListType(t)) t = getNullableType(t.ofType);
    if (typeof step === 'number') continue;
    if (!isInputObjectType(t)) return undefined;
    found = { type: t.name, field: step };
    type = t.getFields()[step]?.type;
  }
  return found;
}

export interface FieldFeed {
  route: string;
  /** The REST body field (`tenant_name`, `permissions.0.menu_id`). */
  body: string;
  /** The GraphQL input field it feeds (`TenantInput.name`). */
  input: string;
  rest: Limits;
  graphql: Limits;
}

/** The limits of a body field as the route's zod schema (and so the OpenAPI) states them. */
function restLimits(bodySchema: JsonSchema, path: Path, variant: number): Limits {
  let s: JsonSchema = bodySchema;
  for (const step of path) {
    s = unwrap(s, variant);
    s = (typeof step === 'number' ? s.items : (s.properties as Record<string, JsonSchema>)[step]) as JsonSchema;
  }
  const leaf = unwrap(s, variant);
  return Object.fromEntries(LIMITS.filter((l) => typeof leaf[l] === 'number').map((l) => [l, leaf[l]]));
}

/** Which GraphQL input field each body field of each route feeds, found by running `variables` on a probe body. */
export function bodyFeeds(routes: readonly Route[], schema: GraphQLSchema): FieldFeed[] {
  const feeds: FieldFeed[] = [];
  for (const route of routes) {
    if (route.kind !== 'graphql' || !route.body || !route.variables) continue;
    const bodySchema = z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    for (let variant = 0; variant < VARIANTS; variant++) {
      const markers = new Map<unknown, Path>();
      const body = probe(bodySchema, [], markers, variant);
      const variables = route.variables({ params: {}, query: {}, body, headers: {}, ip: '127.0.0.1', origin: 'http://127.0.0.1', rawBody: JSON.stringify(body) });
      const found: Array<[Path, Path]> = [];
      landings(variables, [], markers, found);
      for (const [bodyPath, variablePath] of found) {
        const input = inputFieldAt(schema, route, variablePath);
        const graphql = input && graphqlLimits(input.type, input.field);
        if (!input || !graphql) continue;
        // A list field's marker lands on its first item: the item's limits and the list's size limit both count.
        const listPath = bodyPath.slice(0, bodyPath.findLastIndex((step) => typeof step !== 'number') + 1);
        const { maxItems } = restLimits(bodySchema, listPath, variant);
        feeds.push({
          route: routeKey(route),
          body: listPath.join('.'),
          input: `${input.type}.${input.field}`,
          rest: { ...restLimits(bodySchema, bodyPath, variant), ...(maxItems === undefined ? {} : { maxItems }) },
          graphql,
        });
      }
    }
  }
  // Variants agree wherever the body has no union: one feed each.
  return [...new Map(feeds.map((f) => [JSON.stringify(f), f])).values()];
}

/**
 * Where a REST body limit and the GraphQL input limit of the field it feeds disagree: each limit the subgraph
 * enforces must be the one the route states (a client reading the OpenAPI must not meet a stricter or a looser
 * limit). A limit only the contract states is the adapter's own and is allowed.
 */
export function limitDisagreements(feeds: readonly FieldFeed[]): string[] {
  return feeds.flatMap((f) =>
    Object.entries(f.graphql)
      .filter(([limit, value]) => f.rest[limit as Limit] !== value)
      .map(([limit, value]) => `${f.route} ${f.body} → ${f.input}: ${limit} ${f.rest[limit as Limit] ?? 'none'} in REST, ${value} in GraphQL`),
  );
}
